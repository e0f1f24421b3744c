import Foundation
import Testing
@testable import MamoriCore

@Suite("Reminders: which event a duty calls for, signatures, retries, webhook targets, calendar alarms")
struct ReminderRulesTests {
    static let incident = UUID(uuidString: "11111111-2222-3333-4444-555555555555")!
    static let today = Day(2026, 12, 3)

    @Test("a duty's reminder by its due date", arguments: [
        (Day(2026, 12, 7), nil),                      // four days away: nothing yet
        (Day(2026, 12, 6), nil),                      // three days away
        (Day(2026, 12, 5), ReminderEvent.dutyDueSoon), // two days away: the first reminder
        (Day(2026, 12, 4), .dutyDueSoon),
        (Day(2026, 12, 3), .dutyDueSoon),             // due today is not yet overdue
        (Day(2026, 12, 2), .dutyOverdue),
        (Day(2025, 12, 3), .dutyOverdue),
    ] as [(Day, ReminderEvent?)])
    func dutyEvent(due: Day, expected: ReminderEvent?) {
        let duty = Reminders.OpenDuty(incidentID: Self.incident, recipient: "ppc", action: "preliminary_report", due: due)
        #expect(Reminders.event(for: duty, today: Self.today)?.event == expected)
    }

    @Test("keys name the event, incident, duty and due date: stable across runs, new when the date moves")
    func keys() throws {
        let duty = Reminders.OpenDuty(incidentID: Self.incident, recipient: "ppc", action: "final_report", due: Day(2026, 12, 4))
        let first = try #require(Reminders.event(for: duty, today: Self.today))
        #expect(first.key == "duty.due_soon:11111111-2222-3333-4444-555555555555:ppc:final_report:2026-12-04")
        #expect(Reminders.event(for: duty, today: Self.today.adding(days: 1))?.key == first.key)
        // The same duty once overdue is a different fact, reminded once more.
        #expect(Reminders.event(for: duty, today: Day(2026, 12, 5))?.key == "duty.overdue:11111111-2222-3333-4444-555555555555:ppc:final_report:2026-12-04")
        let moved = Reminders.OpenDuty(incidentID: Self.incident, recipient: "ppc", action: "final_report", due: Day(2026, 12, 5))
        #expect(Reminders.event(for: moved, today: Self.today)?.key != first.key)
        #expect(Reminders.openedKey(incident: Self.incident) == "incident.opened:11111111-2222-3333-4444-555555555555")
    }

    @Test("the signature is HMAC-SHA256 over timestamp, dot and body (vector computed with Python's hmac)")
    func signature() {
        let body = Data(#"{"event":"ping"}"#.utf8)
        let signature = WebhookSignature.sign(body: body, timestamp: 1_700_000_000, secret: "whsec_test")
        #expect(signature == "sha256=aa8efe37b751e71157c508c5ac4acb1e9fe5225db98355dfc00f4b680afbc447")
        #expect(WebhookSignature.isValid(signature: signature, body: body, timestamp: 1_700_000_000, secret: "whsec_test"))
        #expect(!WebhookSignature.isValid(signature: signature, body: body, timestamp: 1_700_000_001, secret: "whsec_test"))
        #expect(!WebhookSignature.isValid(signature: signature, body: Data(#"{"event":"pong"}"#.utf8), timestamp: 1_700_000_000, secret: "whsec_test"))
        #expect(!WebhookSignature.isValid(signature: signature, body: body, timestamp: 1_700_000_000, secret: "whsec_other"))
    }

    @Test("retries: 1, 5, 30 minutes, 2 and 12 hours, then given up", arguments: [
        (1, 60.0), (2, 300.0), (3, 1800.0), (4, 7200.0), (5, 43_200.0), (6, nil), (0, nil),
    ] as [(Int, TimeInterval?)])
    func retryDelay(attempt: Int, delay: TimeInterval?) {
        #expect(WebhookRetry.delay(afterFailedAttempt: attempt) == delay)
    }

    @Test("which answers are worth another try", arguments: [
        (nil, true), (500, true), (503, true), (408, true), (429, true), (400, false), (401, false), (404, false), (410, false),
    ] as [(Int?, Bool)])
    func retryable(status: Int?, expected: Bool) {
        #expect(WebhookRetry.isRetryable(status: status) == expected)
    }

    @Test("webhook targets: HTTPS to public hosts only, unless private targets are allowed", arguments: [
        ("https://hooks.example.jp/mamori", false, nil),
        ("  https://hooks.example.jp/a?b=c  ", false, nil),
        ("", false, WebhookTarget.Problem.empty),
        ("http://hooks.example.jp/", false, .notHTTPS),
        ("http://127.0.0.1:9000/hook", true, nil),
        ("ftp://hooks.example.jp/", false, .notAURL),
        ("hooks.example.jp/path", false, .notAURL),
        ("https://user:pass@hooks.example.jp/", false, .credentialsInURL),
        ("https://localhost/hook", false, .privateAddress),
        ("https://127.0.0.1/hook", false, .privateAddress),
        ("https://10.0.0.8/hook", false, .privateAddress),
        ("https://172.20.1.1/hook", false, .privateAddress),
        ("https://192.168.10.2/hook", false, .privateAddress),
        ("https://169.254.169.254/latest/meta-data", false, .privateAddress),
        ("https://[::1]/hook", false, .privateAddress),
        ("https://[fd00::1]/hook", false, .privateAddress),
        ("https://[::ffff:10.0.0.1]/hook", false, .privateAddress),
        ("https://172.32.0.1/hook", false, nil),
        ("https://8.8.8.8/hook", false, nil),
        ("https://intranet.local/hook", false, .privateAddress),
        ("https://" + String(repeating: "a", count: 500) + ".jp/", false, .tooLong),
    ] as [(String, Bool, WebhookTarget.Problem?)])
    func target(url: String, allowPrivate: Bool, problem: WebhookTarget.Problem?) {
        switch WebhookTarget.validate(url, allowPrivate: allowPrivate) {
        case .success: #expect(problem == nil, "\(url) was accepted")
        case .failure(let error): #expect(error.problem == problem, "\(url): \(error.problem)")
        }
    }

    @Test("a deadline is an all-day event with display alarms at 9:00 two days and one day before")
    func calendarAlarms() {
        let event = ICalendar.Event(uid: "x@mamori-duty", day: Day(2026, 12, 7), summary: "【期限】個人情報保護委員会・速報", description: "d",
                                    url: "https://mamori.example/i", alarmHoursBefore: Reminders.alarmHoursBeforeStart)
        let text = ICalendar.calendar(name: "n", events: [event], now: Date(timeIntervalSince1970: 0))
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.contains("DTSTART;VALUE=DATE:20261207"))
        #expect(lines.contains("DTEND;VALUE=DATE:20261208"))
        #expect(lines.filter { $0 == "BEGIN:VALARM" }.count == 2)
        #expect(lines.contains("TRIGGER;RELATED=START:-PT39H"))
        #expect(lines.contains("TRIGGER;RELATED=START:-PT15H"))
        #expect(lines.filter { $0 == "ACTION:DISPLAY" }.count == 2)
        // Every BEGIN has its END, in order.
        var stack: [String] = []
        for line in lines {
            if line.hasPrefix("BEGIN:") { stack.append(String(line.dropFirst(6))) }
            if line.hasPrefix("END:") { #expect(stack.popLast() == String(line.dropFirst(4))) }
        }
        #expect(stack.isEmpty)
    }
}
