import Vapor

/// The only kind of cookie the site sets: whole-site, HttpOnly, SameSite=Lax, and Secure when the
/// site is served over HTTPS.
enum SecureCookie {
    static func make(value: String, maxAge: Int, settings: Settings) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: value,
            maxAge: maxAge,
            path: "/",
            isSecure: settings.usesHTTPS,
            isHTTPOnly: true,
            sameSite: .lax
        )
    }
}
