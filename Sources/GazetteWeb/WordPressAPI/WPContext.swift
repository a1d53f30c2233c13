import Foundation
import GazetteServices

/// What turning Gazette's values into WordPress's shapes needs: addresses and the site's time zone.
struct WPContext: Sendable {
    let addresses: WPAddresses
    let dates: WPDates

    init(urls: SiteURL, timeZone: TimeZone) {
        addresses = WPAddresses(site: urls)
        dates = WPDates(timeZone: timeZone)
    }
}
