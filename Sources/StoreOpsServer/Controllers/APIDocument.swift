/// The OpenAPI 3.1 document of the JSON API, served at `/api/v1/openapi.json`. It is the API's reference: a test
/// checks that its paths and methods are exactly the router's, so a route cannot be added without it.
enum APIDocument {
    static let json = #"""
{
 "openapi": "3.1.0",
 "info": {
  "title": "StoreOps API",
  "version": "1",
  "description": "The JSON API of `storeops serve`. Every answer's figures follow docs/metrics.md: money as decimal strings in major units with the store's currency given once, rates as decimals, no data as null. A store the user cannot read answers 404 like one that does not exist."
 },
 "servers": [
  {
   "url": "/"
  }
 ],
 "security": [
  {
   "bearer": []
  },
  {
   "session": []
  }
 ],
 "paths": {
  "/api/v1/me": {
   "get": {
    "summary": "The signed-in user, their workspace and grants.",
    "parameters": [],
    "responses": {
     "200": {
      "description": "`user` (id, name, workspace) and `grants` (on, id, role).",
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/stores": {
   "get": {
    "summary": "The stores the user can read, with their role on each.",
    "parameters": [],
    "responses": {
     "200": {
      "description": "`stores`: id, name, platform, currency, time_zone, client, role.",
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/overview": {
   "get": {
    "summary": "Every store the user can read, as `storeops overview --format json`.",
    "parameters": [
     {
      "name": "date",
      "in": "query",
      "required": false,
      "description": "The day (default: yesterday in each store's time zone).",
      "schema": {
       "type": "string",
       "format": "date"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "The report as its command's `--format json`.",
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/stores/{store}/table": {
   "get": {
    "summary": "The master table, as `storeops table --format json`.",
    "parameters": [
     {
      "name": "store",
      "in": "path",
      "required": true,
      "description": "The store's id.",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "from",
      "in": "query",
      "required": false,
      "description": "First day (default: 29 days before `to`).",
      "schema": {
       "type": "string",
       "format": "date"
      }
     },
     {
      "name": "to",
      "in": "query",
      "required": false,
      "description": "Last day (default: yesterday).",
      "schema": {
       "type": "string",
       "format": "date"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "The report as its command's `--format json`.",
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/stores/{store}/report": {
   "get": {
    "summary": "The daily briefing, as `storeops report daily --format json`.",
    "parameters": [
     {
      "name": "store",
      "in": "path",
      "required": true,
      "description": "The store's id.",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "date",
      "in": "query",
      "required": false,
      "description": "The day (default: yesterday).",
      "schema": {
       "type": "string",
       "format": "date"
      }
     },
     {
      "name": "lang",
      "in": "query",
      "required": false,
      "description": "zh or en (default: Accept-Language).",
      "schema": {
       "type": "string",
       "enum": [
        "zh",
        "en"
       ]
      }
     }
    ],
    "responses": {
     "200": {
      "description": "The report as its command's `--format json`.",
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/stores/{store}/imports": {
   "get": {
    "summary": "The import ledger.",
    "parameters": [
     {
      "name": "store",
      "in": "path",
      "required": true,
      "description": "The store's id.",
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "`imports`: file, sha256, kind, rows, days, imported_at, imported_by, diagnostics.",
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   },
   "post": {
    "summary": "Imports the body as one export file, as `storeops import` does (operator role).",
    "parameters": [
     {
      "name": "store",
      "in": "path",
      "required": true,
      "description": "The store's id.",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "name",
      "in": "query",
      "required": true,
      "description": "The file's name; its extension tells CSV from XLSX.",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "kind",
      "in": "query",
      "required": false,
      "description": "The format, when the columns do not tell it.",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "date",
      "in": "query",
      "required": false,
      "description": "The day of a stock export.",
      "schema": {
       "type": "string",
       "format": "date"
      }
     },
     {
      "name": "allow_rounded_ids",
      "in": "query",
      "required": false,
      "description": "true: take ids a spreadsheet rounded to 15 digits as they are.",
      "schema": {
       "type": "boolean"
      }
     },
     {
      "name": "X-CSRF-Token",
      "in": "header",
      "required": false,
      "description": "The session's CSRF token, when called with the workbench's session cookie.",
      "schema": {
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/octet-stream": {
       "schema": {
        "type": "string",
        "format": "binary"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "Imported before (the same file): nothing changed.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ImportResult"
        }
       }
      }
     },
     "201": {
      "description": "Imported.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ImportResult"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     },
     "408": {
      "$ref": "#/components/responses/Problem"
     },
     "413": {
      "$ref": "#/components/responses/Problem"
     },
     "422": {
      "description": "Rejected: nothing was written; the diagnostics say where and how to fix it.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ImportResult"
        }
       }
      }
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/stores/{store}/customers": {
   "get": {
    "summary": "The customer report, as `storeops report customers --format json`.",
    "parameters": [
     {
      "name": "store",
      "in": "path",
      "required": true,
      "description": "The store's id.",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "from",
      "in": "query",
      "required": false,
      "description": "First day (default: 89 days before `to`).",
      "schema": {
       "type": "string",
       "format": "date"
      }
     },
     {
      "name": "to",
      "in": "query",
      "required": false,
      "description": "Last day (default: yesterday).",
      "schema": {
       "type": "string",
       "format": "date"
      }
     },
     {
      "name": "cohort",
      "in": "query",
      "required": false,
      "description": "month or week.",
      "schema": {
       "type": "string",
       "enum": [
        "month",
        "week"
       ]
      }
     },
     {
      "name": "segment",
      "in": "query",
      "required": false,
      "description": "One RFM segment's customers only.",
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "The report as its command's `--format json`.",
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/stores/{store}/reports/weekly": {
   "get": {
    "summary": "The week's report, as `storeops report weekly --format json`.",
    "parameters": [
     {
      "name": "store",
      "in": "path",
      "required": true,
      "description": "The store's id.",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "week",
      "in": "query",
      "required": false,
      "description": "An ISO week like 2026-W48 (default: the last whole week).",
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "The report as its command's `--format json`.",
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/clients/{client}/report": {
   "get": {
    "summary": "A client's stores together (per currency) and each one over a week, a month or any days, as `storeops report weekly|monthly|period --client C --format json`. Only for users with a grant on the client or its workspace; for others the client does not exist (404).",
    "parameters": [
     {
      "name": "client",
      "in": "path",
      "required": true,
      "description": "The client's id.",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "week",
      "in": "query",
      "required": false,
      "description": "An ISO week like 2026-W48.",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "month",
      "in": "query",
      "required": false,
      "description": "A month like 2026-11 (the default: the last whole month of the client's first store).",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "from",
      "in": "query",
      "required": false,
      "description": "First day (with to).",
      "schema": {
       "type": "string",
       "format": "date"
      }
     },
     {
      "name": "to",
      "in": "query",
      "required": false,
      "description": "Last day (with from).",
      "schema": {
       "type": "string",
       "format": "date"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "The client report as its command's `--format json`.",
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/stores/{store}/reports/monthly": {
   "get": {
    "summary": "The month's report, as `storeops report monthly --format json`.",
    "parameters": [
     {
      "name": "store",
      "in": "path",
      "required": true,
      "description": "The store's id.",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "month",
      "in": "query",
      "required": false,
      "description": "A month like 2026-11 (default: the last whole month).",
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "The report as its command's `--format json`.",
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/stores/{store}/reports/period": {
   "get": {
    "summary": "The report of any days, as `storeops report period --format json`.",
    "parameters": [
     {
      "name": "store",
      "in": "path",
      "required": true,
      "description": "The store's id.",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "from",
      "in": "query",
      "required": false,
      "description": "First day.",
      "schema": {
       "type": "string",
       "format": "date"
      }
     },
     {
      "name": "to",
      "in": "query",
      "required": false,
      "description": "Last day.",
      "schema": {
       "type": "string",
       "format": "date"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "The report as its command's `--format json`.",
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/stores/{store}/plan": {
   "get": {
    "summary": "The year plan, as `storeops plan show --format json`.",
    "parameters": [
     {
      "name": "store",
      "in": "path",
      "required": true,
      "description": "The store's id.",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "year",
      "in": "query",
      "required": false,
      "description": "The year (default: yesterday's).",
      "schema": {
       "type": "integer"
      }
     },
     {
      "name": "month",
      "in": "query",
      "required": false,
      "description": "1-12: that month's days.",
      "schema": {
       "type": "integer"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "The report as its command's `--format json`.",
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/stores/{store}/kpi": {
   "get": {
    "summary": "Staff KPIs, as `storeops kpi --format json`.",
    "parameters": [
     {
      "name": "store",
      "in": "path",
      "required": true,
      "description": "The store's id.",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "month",
      "in": "query",
      "required": false,
      "description": "A month like 2026-11 (default: yesterday's).",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "person",
      "in": "query",
      "required": false,
      "description": "One person only.",
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "The report as its command's `--format json`.",
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/stores/{store}/activities/{activity}/review": {
   "get": {
    "summary": "An activity's review, as `storeops activity review --format json`.",
    "parameters": [
     {
      "name": "store",
      "in": "path",
      "required": true,
      "description": "The store's id.",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "activity",
      "in": "path",
      "required": true,
      "description": "The activity's id, percent-encoded.",
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "The report as its command's `--format json`.",
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/openapi.json": {
   "get": {
    "summary": "This document.",
    "security": [],
    "responses": {
     "200": {
      "description": "OpenAPI 3.1.",
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      }
     }
    }
   }
  }
 },
 "components": {
  "securitySchemes": {
   "bearer": {
    "type": "http",
    "scheme": "bearer",
    "description": "A user's token from `storeops user add` or `storeops user token`."
   },
   "session": {
    "type": "apiKey",
    "in": "cookie",
    "name": "storeops_session",
    "description": "The web workbench's session; a POST must also send the session's CSRF token as X-CSRF-Token."
   }
  },
  "responses": {
   "Problem": {
    "description": "An RFC 9457 problem: what failed and how to fix it.",
    "content": {
     "application/problem+json": {
      "schema": {
       "$ref": "#/components/schemas/Problem"
      }
     }
    }
   }
  },
  "schemas": {
   "Problem": {
    "type": "object",
    "required": [
     "type",
     "title",
     "status",
     "detail",
     "code",
     "request_id"
    ],
    "properties": {
     "type": {
      "type": "string",
      "description": "about:blank: the status and `code` say what kind of problem it is."
     },
     "title": {
      "type": "string",
      "description": "The HTTP status's phrase."
     },
     "status": {
      "type": "integer"
     },
     "detail": {
      "type": "string",
      "description": "What failed and how to fix it."
     },
     "code": {
      "type": "string",
      "description": "invalid_input, not_found, conflict, unauthorized, forbidden, too_large, too_many_requests, unavailable, timeout, out_of_range, storage, internal."
     },
     "request_id": {
      "type": "string",
      "description": "Also in the X-Request-ID header and the server's log."
     },
     "error": {
      "type": "object",
      "deprecated": true,
      "description": "The same code, message (the detail) and request_id, kept for clients written before errors followed RFC 9457.",
      "properties": {
       "code": {
        "type": "string"
       },
       "message": {
        "type": "string"
       },
       "request_id": {
        "type": "string"
       }
      }
     }
    }
   },
   "ImportResult": {
    "type": "object",
    "properties": {
     "files": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "file": {
         "type": "string"
        },
        "status": {
         "type": "string",
         "enum": [
          "imported",
          "already_imported",
          "rejected",
          "checked"
         ]
        },
        "kind": {
         "type": [
          "string",
          "null"
         ]
        },
        "rows_read": {
         "type": "integer"
        },
        "rows_imported": {
         "type": "integer"
        },
        "rows_rejected": {
         "type": "integer"
        },
        "diagnostics": {
         "type": "array",
         "items": {
          "type": "object",
          "properties": {
           "severity": {
            "type": "string"
           },
           "file": {
            "type": "string"
           },
           "line": {
            "type": [
             "integer",
             "null"
            ]
           },
           "column": {
            "type": [
             "string",
             "null"
            ]
           },
           "value": {
            "type": [
             "string",
             "null"
            ]
           },
           "message": {
            "type": "string"
           },
           "hint": {
            "type": "string"
           }
          }
         }
        }
       }
      }
     }
    }
   }
  }
 }
}
"""#
}
