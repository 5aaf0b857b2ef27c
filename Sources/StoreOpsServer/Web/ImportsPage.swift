import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// The imports of a store: an upload form for one or several export files (chosen or dropped; the workbench's
/// script sends each to the API with a progress bar and shows its diagnostics with line, column, value and fix;
/// without script the form posts them as multipart/form-data and the page comes back with the results), and the
/// ledger of what was imported.
struct ImportsPage {
    let language: Language
    let csrf: String
    let canWrite: Bool

    func content(store: Store, ledger: [ImportRecord], results: [ImportReport] = []) -> String {
        let l = language, e = WebPage.escape
        var html = StoreNav.render(store, current: .imports, language: l)
        html += "<h1>\(e(l.pick("导入数据", "Import data")))</h1>"
        if canWrite {
            html += "<form id=\"upload\" class=\"upload\" method=\"post\" enctype=\"multipart/form-data\" "
                + "action=\"\(e(StoreNav.imports.path(store.id)))\" data-store=\"\(e(store.id.rawValue))\" data-csrf=\"\(e(csrf))\" "
                + "data-lang=\"\(l.rawValue)\">\(WebPage.csrfField(csrf))<div class=\"drop\" id=\"drop\">"
                + "<p>\(e(l.pick("把导出的文件拖到这里，或选择文件（CSV、XLSX、XLS，可多选）。", "Drop export files here, or choose them (CSV, XLSX, XLS; several at once).")))</p>"
                + "<input type=\"file\" id=\"files\" name=\"files\" multiple accept=\".csv,.txt,.xlsx,.xls\"></div>"
                + "<button type=\"submit\">\(e(l.pick("导入", "Import")))</button>"
                + "</form><div id=\"results\" aria-live=\"polite\">"
                + results.map { ImportReportHTML.section($0, language: l) }.joined() + "</div>"
        } else {
            html += "<p class=\"muted\">\(e(l.pick("你的角色只能查看；导入需要运营（operator）角色。", "Your role can read only; importing needs the operator role.")))</p>"
        }
        html += "<h2>\(e(l.pick("导入记录", "Import ledger")))</h2>"
        guard !ledger.isEmpty else { return html + "<p class=\"muted\">\(e(l.pick("还没有导入过文件。", "Nothing imported yet.")))</p>" }
        let headers = [l.pick("时间", "When"), l.pick("文件", "File"), l.pick("类型", "Kind"), l.pick("读取行", "Rows read"),
                       l.pick("导入行", "Imported"), l.pick("拒绝行", "Rejected"), l.pick("日期范围", "Days"), l.pick("导入人", "By")]
        html += "<div class=\"scroll\"><table class=\"ledger\"><thead><tr>" + headers.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead><tbody>"
        for r in ledger.sorted(by: { $0.importedAt > $1.importedAt }) {
            let days = [r.firstDay, r.lastDay].compactMap { $0?.iso }.joined(separator: " – ")
            let cells = [r.importedAt.iso, r.fileName, r.kind, String(r.rowsRead), String(r.rowsImported), String(r.rowsRejected),
                         days.isEmpty ? "—" : days, r.importedBy?.rawValue ?? "—"]
            html += "<tr>" + cells.map { "<td>\(e($0))</td>" }.joined() + "</tr>"
        }
        return html + "</tbody></table></div>"
    }

    /// The workbench's script: uploads with progress, drag and drop, and the result of each file as a table.
    static let script = #"""
        "use strict";
        (function () {
          var form = document.getElementById("upload");
          if (!form) { return; }
          var zh = form.dataset.lang === "zh";
          var t = function (a, b) { return zh ? a : b; };
          var input = document.getElementById("files"), drop = document.getElementById("drop");
          var results = document.getElementById("results");
          var text = function (tag, content, cls) {
            var el = document.createElement(tag); el.textContent = content; if (cls) { el.className = cls; } return el;
          };
          drop.addEventListener("dragover", function (e) { e.preventDefault(); drop.classList.add("over"); });
          drop.addEventListener("dragleave", function () { drop.classList.remove("over"); });
          drop.addEventListener("drop", function (e) {
            e.preventDefault(); drop.classList.remove("over"); send(Array.prototype.slice.call(e.dataTransfer.files));
          });
          form.addEventListener("submit", function (e) { e.preventDefault(); send(Array.prototype.slice.call(input.files)); });
          function send(files) {
            if (files.length === 0) { return; }
            var clean = true;
            var next = function (ok) {
              if (ok === false) { clean = false; }
              if (files.length > 0) { upload(files.shift(), next); } else if (clean) { location.reload(); }
            };
            next(true);
          }
          function upload(file, done) {
            var box = document.createElement("section"); box.className = "result";
            box.appendChild(text("h3", file.name));
            var bar = document.createElement("progress"); bar.max = 100; bar.value = 0; box.appendChild(bar);
            results.appendChild(box);
            var xhr = new XMLHttpRequest();
            xhr.open("POST", "/api/v1/stores/" + encodeURIComponent(form.dataset.store) + "/imports?name=" + encodeURIComponent(file.name));
            xhr.setRequestHeader("X-CSRF-Token", form.dataset.csrf);
            xhr.setRequestHeader("Accept-Language", zh ? "zh-CN" : "en");
            xhr.upload.addEventListener("progress", function (e) { if (e.lengthComputable) { bar.value = 100 * e.loaded / e.total; } });
            xhr.addEventListener("load", function () {
              bar.value = 100;
              var body = null;
              try { body = JSON.parse(xhr.responseText); } catch (err) { body = null; }
              if (!body || !body.files) {
                box.appendChild(text("p", (body && body.error ? body.error.message : xhr.statusText), "error"));
                return done(false);
              }
              var r = body.files[0];
              var names = { imported: t("已导入", "imported"), already_imported: t("此前已导入", "imported before"),
                            rejected: t("未导入（有错误）", "not imported (errors)"), checked: t("已检查", "checked") };
              box.appendChild(text("p", (names[r.status] || r.status) + " · " + t("读取 ", "read ") + r.rows_read + t(" 行，导入 ", " rows, imported ")
                + r.rows_imported + t(" 行", ""), r.status === "rejected" ? "error" : ""));
              if (r.diagnostics.length > 0) {
                var table = document.createElement("table"), head = document.createElement("tr");
                [t("行", "Line"), t("列", "Column"), t("值", "Value"), t("问题", "Problem"), t("怎么改", "Fix")].forEach(function (h) {
                  head.appendChild(text("th", h));
                });
                table.appendChild(head);
                r.diagnostics.slice(0, 200).forEach(function (d) {
                  var row = document.createElement("tr");
                  [d.line, d.column, d.value, d.message, d.hint].forEach(function (v) { row.appendChild(text("td", v == null ? "—" : String(v))); });
                  table.appendChild(row);
                });
                box.appendChild(table);
              }
              done(r.status !== "rejected" && r.diagnostics.length === 0);
            });
            xhr.addEventListener("error", function () {
              box.appendChild(text("p", t("上传失败，请重试。", "The upload failed; try again."), "error"));
              done(false);
            });
            xhr.send(file);
          }
        })();

        """#
}
