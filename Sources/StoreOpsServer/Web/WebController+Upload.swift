import Foundation
import Hummingbird
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// The imports page's form posted without script (`multipart/form-data`, one or several files): the session and
/// the role are checked before the body is read, the CSRF token must be the form's first field, every file streams
/// to a private staged file (the size limit counts the whole body), then each is imported in order and the page
/// shows what became of it.
extension WebController {
    func uploadForm(_ request: Request, _ context: ServerContext) async throws -> Response {
        let checked: (WebSession, AccessContext, Store, MultipartReader)
        do {
            checked = try await checkUploadForm(request, context)
        } catch {
            context.refuseBody(of: request)
            throw error
        }
        let (session, user, store, reader) = checked
        let l = Self.language(request)
        let staging = self.staging, limit = maxUploadBytes, timeout = uploadTimeout, clock = self.clock
        let reports = try await gate.run { () async throws -> [ImportReport] in
            let files = try await Self.receive(request.body, reader: reader, csrf: session.csrfToken, staging: staging,
                                               limit: limit, timeout: timeout)
            defer { for file in files { staging.remove(file) } }
            var reports: [ImportReport] = []
            for file in files {
                // One file's failure is its own result: the files before it stay imported, and are shown so.
                do {
                    reports.append(try await ImportService(user, clock: clock).importFile(file, store: store.id))
                } catch {
                    if Task.isCancelled { throw error }
                    reports.append(ImportReport.failed(file: file.lastPathComponent, error: ServiceError.classify(error) ?? error))
                }
            }
            return reports
        }
        guard let reports else {
            context.refuseBody(of: request)
            throw ServiceError(.unavailable, "\(gate.capacity) uploads are being imported already; try again in a few seconds.")
        }
        let ledger = try await ImportService(user, clock: clock).ledger(store: store.id)
        let page = WebPage(title: "\(store.name) · \(l.pick("导入", "Imports"))", language: l, user: (user.user.name, session.csrfToken),
                           path: StoreNav.imports.path(store.id))
        let content = ImportsPage(language: l, csrf: session.csrfToken, canWrite: true)
            .content(store: store, ledger: ledger, results: reports)
        let rejected = reports.contains { $0.status == .rejected }
        return html(rejected ? .unprocessableContent : .ok, page.render(content), request: request)
    }

    /// What the form may do, from the request's head alone.
    private func checkUploadForm(_ request: Request, _ context: ServerContext) async throws
        -> (WebSession, AccessContext, Store, MultipartReader) {
        let (session, user) = try await signedIn(request)
        let store = try await requireStore(context, user)
        guard user.policy.permits(.write, on: store) else {
            throw ServiceError(.forbidden, "\(user.user.id) may read store \(store.id) but not import into it: that needs the operator role.")
        }
        guard let reader = MultipartReader(contentType: request.headers[.contentType] ?? "") else {
            throw ServiceError(.invalidInput, "Send the files as multipart/form-data, as the imports page's form does.")
        }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maxUploadBytes {
            throw UploadTooLarge(limit: maxUploadBytes)
        }
        return (session, user, store, reader)
    }

    /// Reads the form: its first part must be the session's CSRF token; each file part goes to a staged file of its
    /// own (empty file inputs are skipped). Returns the staged files; on any failure none is left behind.
    static func receive(_ body: RequestBody, reader: MultipartReader, csrf: String, staging: UploadStaging, limit: Int,
                        timeout: Duration) async throws -> [URL] {
        var reader = reader
        let deadline = ContinuousClock.now.advanced(by: timeout)
        var files: [URL] = [], current: StagedFile?, field: (name: String, value: [UInt8])?, trusted = false
        var read = 0
        do {
            for try await chunk in body {
                read += chunk.readableBytes
                guard read <= limit else { throw UploadTooLarge(limit: limit) }
                guard ContinuousClock.now < deadline else { throw UploadTimedOut(timeout: timeout) }
                try chunk.withUnsafeReadableBytes { bytes in
                    try reader.feed(bytes) { event in
                        switch event {
                        case .part(let name, let filename?):
                            guard trusted else { throw Self.missingToken }
                            guard name == "files" else { return }
                            // Browsers send the name alone (old ones a whole path): keep the last component.
                            let plain = String(filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "")
                            guard !plain.isEmpty else { return }
                            guard APIController.isPlainFileName(plain) else {
                                throw ServiceError(.invalidInput, "The file name \"\(plain)\" cannot be used; rename the file.")
                            }
                            let file = try staging.create(name: plain)
                            files.append(file.url)
                            current = file
                        case .part(let name, nil):
                            field = (name, [])
                        case .content(let bytes):
                            if let file = current {
                                try bytes.withUnsafeBytes { try file.append($0) }
                            } else if field != nil {
                                guard field!.value.count + bytes.count <= 1_024 else {
                                    throw ServiceError(.invalidInput, "A form field is longer than 1 KB.")
                                }
                                field!.value += bytes
                            }
                        case .end:
                            current?.finish()
                            current = nil
                            if let done = field, !trusted {
                                guard done.name == "csrf", Self.same(String(decoding: done.value, as: UTF8.self), csrf) else {
                                    throw Self.missingToken
                                }
                                trusted = true
                            }
                            field = nil
                        }
                    }
                }
            }
            try reader.finish()
            guard trusted else { throw Self.missingToken }
            guard !files.isEmpty else { throw ServiceError(.invalidInput, "Choose one or more files to import.") }
            return files
        } catch let error as MultipartReader.Malformed {
            current?.finish()
            for file in files { staging.remove(file) }
            throw ServiceError(.invalidInput, error.message)
        } catch {
            current?.finish()
            for file in files { staging.remove(file) }
            throw error
        }
    }

    static let missingToken = ServiceError(.forbidden, "The form's security token is missing or stale: reload the page and "
        + "try again. 表单的安全令牌缺失或已过期：请刷新页面后重试。")
}
