import MamoriCore
import Plot

/// One entry of the help directory, as a card: what it is for, how to reach it, its date,
/// and marks for historical material and addresses printed wrongly in the source.
struct ContactCard: Component {
    let contact: ContactDirectory.Contact
    let context: PageContext
    var showDetailsLink = true
    /// Off on the entry's own page, where its name is already the page title.
    var showsName = true

    var body: Component {
        let t = context.t
        return El("article", [("class", "contact" + (contact.historical ? " historical" : "")), ("data-contact", contact.id)]) {
            if showsName { El("h3") { Text(t(contact.name)) } }
            El("p", [("class", "hint")]) {
                Text(t(contact.organization))
                if contact.kind == .measure { Text(" · "); El("span", [("class", "tag")]) { Text(t(L.Directory.measure)) } }
                if contact.historical { Text(" · "); El("span", [("class", "tag tag-historical")]) { Text(t(L.Directory.historicalMark)) } }
            }
            paragraph(t(contact.purpose))
            El("dl", [("class", "facts")]) {
                if let phone = contact.phone {
                    El("dt") { Text(t(L.Help.phone)) }
                    El("dd") { El("a", [("href", "tel:" + phone.filter { $0.isNumber || $0 == "+" })]) { Text(phone) } }
                }
                if let hours = contact.hours {
                    El("dt") { Text(t(L.Help.hours)) }
                    El("dd") { Text(t(hours)) }
                }
                if let email = contact.email {
                    El("dt") { Text(t(L.Directory.email)) }
                    El("dd") {
                        if contact.emailLooksWrong {
                            // Not a link: an address that may be misprinted must not be one click away.
                            Text(email)
                            El("p", [("class", "warning-text"), ("data-flag", "email-as-printed")]) { Text(t(L.Directory.emailAsPrinted)) }
                        } else {
                            El("a", [("href", "mailto:" + email)]) { Text(email) }
                        }
                    }
                }
                if let url = contact.url {
                    El("dt") { Text(t(L.Help.website)) }
                    El("dd") { El("a", [("href", safeHref(url)), ("rel", "noopener noreferrer")]) { Text(url) } }
                }
                if let period = contact.period {
                    El("dt") { Text(t(L.Directory.period)) }
                    El("dd") { Text(t(period)) }
                }
            }
            if !contact.needs.isEmpty {
                El("p", [("class", "tags")]) {
                    for need in contact.needs {
                        El("a", [("class", "tag"), ("href", SiteURL.contacts(need: need.rawValue).path)]) { Text(t(L.Directory.need(need))) }
                    }
                }
            }
            if !contact.firstAidCases.isEmpty {
                El("p", [("class", "hint")]) {
                    Text(t(L.Directory.firstAidLinks) + t(L.Common.colon))
                    for (index, key) in contact.firstAidCases.enumerated() {
                        if let item = PlaybookContent.bundled.firstAidCase(key) {
                            if index > 0 { Text(" · ") }
                            link(t(item.title), to: SiteURL.firstAidCase(key: key).path)
                        }
                    }
                }
            }
            El("p", [("class", "hint")]) {
                Text(t(L.Help.infoAsOf(DateText.calendarDate(contact.asOf, context.locale))))
                if showDetailsLink { Text(" · "); link(t(L.Directory.details), to: SiteURL.contact(id: contact.id).path) }
            }
        }
    }
}
