import Fluent
import Plot

/// "Previous / page N of M / next" under a paginated list.
func pagination<T>(_ page: Page<T>, context: PageContext, url: @escaping (Int) -> String) -> Component {
    let current = page.metadata.page
    let totalPages = max(1, page.metadata.pageCount)
    return El("nav", [("class", "pagination"), ("aria-label", context.t(L.Common.pageOf(current, totalPages)))]) {
        if current > 1 {
            El("a", [("href", url(current - 1)), ("rel", "prev")]) { Text(context.t(L.Common.previousPage)) }
        }
        El("span") { Text(context.t(L.Common.pageOf(current, totalPages))) }
        if current < totalPages {
            El("a", [("href", url(current + 1)), ("rel", "next")]) { Text(context.t(L.Common.nextPage)) }
        }
    }
}

/// A page number from `?page=`, at least 1; a nonsense value means the first page.
func pageNumber(_ raw: String?) -> Int {
    guard let raw, let value = Int(raw), value >= 1 else { return 1 }
    return min(value, 1_000_000)
}
