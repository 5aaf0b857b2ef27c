import Hummingbird

/// A page's answer that sends the browser elsewhere (`303 See Other`), thrown so that a check deep in a handler
/// (not signed in) can end the request; the web error middleware turns it into the response.
struct WebRedirect: Error {
    let location: String

    var response: Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}
