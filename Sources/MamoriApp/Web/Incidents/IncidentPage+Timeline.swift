import Foundation
import MamoriCore
import Plot

extension IncidentPage {
    static func timelineSection(_ model: Model, context: PageContext) -> Component {
        let t = context.t
        let incident = model.incident
        return El("section", [("class", "card card-wide"), ("id", "timeline")]) {
            heading(2, t(L.Incident.timelineTitle))
            paragraph(t(L.Incident.timelineLead), class: "hint")
            if let verification = model.verification {
                if let broken = verification {
                    El("div", [("class", "flash flash-error"), ("role", "alert"), ("id", "verification")]) { Text(t(L.Incident.chainBroken(broken))) }
                } else {
                    El("div", [("class", "flash flash-success"), ("role", "status"), ("id", "verification")]) { Text(t(L.Incident.chainIntact)) }
                }
            }
            El("a", [("href", SiteURL.incidentVerify(organization: incident.organizationID, incident: incident.id).path + "#timeline"), ("class", "button small secondary")]) {
                Text(t(L.Incident.verifyChain))
            }
            El("ol", [("class", "timeline")]) {
                for entry in model.timeline {
                    El("li", [("value", String(entry.sequence)), ("data-sequence", String(entry.sequence))]) {
                        timeElement(entry.occurredAt, context)
                        Text(" ")
                        El("span", [("class", "entry-type")]) { Text(t(L.Incident.timelineType(entry.type))) }
                        Text(" " + t(entry.words) + " — " + entry.author)
                        if let corrects = entry.correctsSequence { El("span", [("class", "hint")]) { Text(" (→ #\(corrects))") } }
                        El("span", [("class", "hash"), ("title", entry.hash)]) { Text(" " + String(entry.hash.prefix(10)) + "…") }
                    }
                }
            }
            if incident.status == .open {
                FormField.errorSummary(model.timelineForm, context: context)
                El("form", [("method", "post"), ("action", SiteURL.incidentTimeline(organization: incident.organizationID, incident: incident.id).path)]) {
                    csrfField(context)
                    FormField.textArea("text", label: t(L.Incident.entryText), state: model.timelineForm, context: context, required: true, maxLength: TimelineNote.textMaximum)
                    FormField.input("occurredAt", label: t(L.Incident.entryOccurredAt), state: model.timelineForm, context: context, options: .init(kind: .dateTime))
                    FormField.input("corrects", label: t(L.Incident.correctsLabel), state: model.timelineForm, context: context, options: .init(inputMode: "numeric"))
                    FormField.submit(t(L.Incident.addEntry), secondary: true)
                }
            }
        }
    }

    static func evidenceSection(_ model: Model, context: PageContext) -> Component {
        let t = context.t
        let incident = model.incident
        return El("section", [("class", "card card-wide"), ("id", "evidence")]) {
            heading(2, t(L.Incident.evidenceTitle))
            paragraph(t(L.Incident.evidenceLead), class: "hint")
            El("ul", [("class", "attachments")]) {
                for file in model.evidence {
                    El("li") {
                        link(file.filename, to: SiteURL.incidentEvidenceFile(organization: incident.organizationID, incident: incident.id, evidence: file.id).path)
                        El("span", [("class", "hint")]) { Text(" \(L.Incident.byteCount(file.size, context.locale)) · \(file.uploadedBy) · SHA-256 ") }
                        El("code", [("class", "hash")]) { Text(file.sha256) }
                    }
                }
            }
            if incident.status == .open {
                El("form", [("method", "post"), ("action", SiteURL.incidentEvidence(organization: incident.organizationID, incident: incident.id).path),
                            ("enctype", "multipart/form-data"), ("class", "upload")]) {
                    csrfField(context)
                    El("label", [("for", "evidence-file")]) { Text(t(L.Incident.evidenceFileLabel) + " ") }
                    El.void("input", [("type", "file"), ("id", "evidence-file"), ("name", "file"), ("required", nil)])
                    El("button", [("type", "submit"), ("class", "button small secondary")]) { Text(t(L.Incident.uploadEvidence)) }
                }
            }
        }
    }
}
