import Fluent
import Foundation
import MamoriCore
import Plot

/// The asset register, one asset with its risks, and the risk register with the heat map.
/// Models are plain values, so each page renders from its `.mock` without a database.
enum RiskPages {
    static func ratingChoices(_ levels: [RiskCatalog.Level], _ t: (LocalizedText) -> String) -> [(String, String)] {
        levels.map { (String($0.value), "\($0.value) — " + t($0.text)) }
    }

    static func values(of asset: Asset) -> [String: String] {
        ["business": asset.business, "name": asset.name, "notes": asset.notes, "usersAllowed": asset.usersAllowed,
         "ownerDepartment": asset.ownerDepartment, "medium": asset.medium, "personalData": asset.personalData,
         "confidentiality": String(asset.confidentiality), "integrity": String(asset.integrity), "availability": String(asset.availability),
         "retention": asset.retention, "registeredOn": asset.registeredOn]
    }

    /// The fields of an asset, for adding and editing.
    static func assetFields(_ state: FormState, context: PageContext) -> Component {
        let t = context.t
        let catalog = RiskCatalog.bundled
        return ComponentGroup {
            FormField.input("name", label: t(L.Risk.name), state: state, context: context, options: .init(required: true, maxLength: TextLimit.line))
            div("field-row") {
                FormField.input("business", label: t(L.Risk.business), state: state, context: context, options: .init(maxLength: TextLimit.name))
                FormField.input("ownerDepartment", label: t(L.Risk.ownerDepartment), state: state, context: context, options: .init(maxLength: TextLimit.name))
                FormField.input("usersAllowed", label: t(L.Risk.usersAllowed), state: state, context: context, options: .init(maxLength: TextLimit.line))
            }
            div("field-row") {
                FormField.input("medium", label: t(L.Risk.medium), state: state, context: context, options: .init(maxLength: TextLimit.line))
                FormField.select("personalData", label: t(L.Risk.personalData), choices: PersonalDataKind.allCases.map { ($0.rawValue, t(L.Risk.personalDataKind($0))) },
                                 state: state.values["personalData"] == nil ? FormState(values: ["personalData": "none"], errors: state.errors) : state, context: context)
                FormField.input("retention", label: t(L.Risk.retention), state: state, context: context, options: .init(maxLength: TextLimit.name))
            }
            // One rating per line: each choice is a sentence, which a third of the width would cut short.
            div {
                FormField.select("confidentiality", label: t(L.Risk.confidentiality), choices: ratingChoices(catalog.confidentiality, t), state: state, context: context)
                FormField.select("integrity", label: t(L.Risk.integrity), choices: ratingChoices(catalog.integrity, t), state: state, context: context)
                FormField.select("availability", label: t(L.Risk.availability), choices: ratingChoices(catalog.availability, t), state: state, context: context)
            }
            paragraph(t(L.Risk.ratingHint), class: "hint")
            FormField.textArea("notes", label: t(L.Risk.notes), state: state, context: context, maxLength: TextLimit.paragraph, rows: 2)
            FormField.input("registeredOn", label: t(L.Risk.registeredOn), state: state, context: context, options: .init(kind: .date))
        }
    }

    static func assets(_ model: AssetsModel, context: PageContext) -> String {
        let t = context.t
        let (org, page, filter, form) = (model.organizationID, model.page, model.filter, model.form)
        return Layout.page(title: t(L.Risk.assetsTitle), context: context) {
            heading(1, t(L.Risk.assetsTitle))
            paragraph(t(L.Risk.assetsLead), class: "lead")
            El("p", [("class", "actions")]) {
                link(t(L.Risk.openRegister), to: SiteURL.risks(organization: org).path, [("class", "button secondary")])
                Text(" ")
                link(t(L.Risk.importTitle), to: SiteURL.assetsImport(organization: org).path, [("class", "button secondary")])
                Text(" ")
                link(t(L.Rules.downloadCSV), to: SiteURL.assetsCSV(organization: org).path, [("class", "button secondary")])
                Text(" ")
                link(t(L.Risk.exportXLSX), to: SiteURL.assetsXLSX(organization: org).path, [("class", "button secondary")])
            }
            El("form", [("method", "get"), ("action", SiteURL.assets(organization: org).path), ("class", "filters"), ("role", "search")]) {
                FormField.input("q", label: t(L.Risk.search), state: FormState(values: ["q": filter.query ?? ""]), context: context, options: .init(type: "search", maxLength: TextLimit.name))
                FormField.select("importance", label: t(L.Risk.importance), choices: [("3", "3"), ("2", "2"), ("1", "1")],
                                 state: FormState(values: ["importance": filter.importance.map(String.init) ?? ""]), context: context, required: false, emptyLabel: t(L.Risk.any))
                FormField.select("personalData", label: t(L.Risk.personalData), choices: PersonalDataKind.allCases.map { ($0.rawValue, t(L.Risk.personalDataKind($0))) },
                                 state: FormState(values: ["personalData": filter.personalData?.rawValue ?? ""]), context: context, required: false, emptyLabel: t(L.Risk.any))
                FormField.select("sort", label: t(L.Risk.sort), choices: AssetService.Filter.Sort.allCases.filter { $0 != .name }.map { ($0.rawValue, t(L.Risk.sortName($0))) },
                                 state: FormState(values: ["sort": filter.sort.rawValue]), context: context, required: false, emptyLabel: t(L.Risk.sortName(.name)))
                FormField.submit(t(L.Risk.filter), secondary: true)
            }
            if page.items.isEmpty {
                paragraph(t(L.Risk.noAssets), class: "muted")
            } else {
                div("table-scroll") {
                    El("table", [("class", "compact cards-on-phone")]) {
                        tableHead([L.Risk.name, L.Risk.business, L.Risk.ownerDepartment, L.Risk.personalData, L.Risk.confidentiality, L.Risk.integrity,
                                   L.Risk.availability, L.Risk.importance].map(t))
                        El("tbody") {
                            for asset in page.items {
                                El("tr", [("data-asset", asset.id.uuidString)]) {
                                    El("td", [("data-label", t(L.Risk.name))]) { link(asset.name, to: SiteURL.asset(organization: org, asset: asset.id).path) }
                                    El("td", [("data-label", t(L.Risk.business))]) { Text(asset.business) }
                                    El("td", [("data-label", t(L.Risk.ownerDepartment))]) { Text(asset.ownerDepartment) }
                                    El("td", [("data-label", t(L.Risk.personalData))]) { Text(t(L.Risk.personalDataKind(asset.personalDataKind))) }
                                    El("td", [("data-label", t(L.Risk.confidentiality)), ("class", "number")]) { Text(String(asset.confidentiality)) }
                                    El("td", [("data-label", t(L.Risk.integrity)), ("class", "number")]) { Text(String(asset.integrity)) }
                                    El("td", [("data-label", t(L.Risk.availability)), ("class", "number")]) { Text(String(asset.availability)) }
                                    El("td", [("data-label", t(L.Risk.importance)), ("class", "number")]) { El("strong") { Text(String(asset.importance)) } }
                                }
                            }
                        }
                    }
                }
                pagination(page, context: context) {
                    SiteURL.assets(organization: org, query: filter.query, importance: filter.importance.map(String.init),
                                   personalData: filter.personalData?.rawValue, sort: filter.sort.rawValue, page: $0).path
                }
            }
            El("section", [("class", "card card-wide"), ("aria-labelledby", "add-asset"), ("id", "add")]) {
                heading(2, t(L.Risk.addAsset), id: "add-asset")
                FormField.errorSummary(form, context: context)
                El("form", [("method", "post"), ("action", SiteURL.assets(organization: org).path)]) {
                    csrfField(context)
                    assetFields(form, context: context)
                    FormField.submit(t(L.Risk.addAsset))
                }
            }
            paragraph(t(L.Risk.source(t(RiskCatalog.bundled.source), asOf: DateText.calendarDate(RiskCatalog.bundled.asOf, context.locale))), class: "hint source")
        }
    }

    static func asset(_ model: AssetModel, context: PageContext) -> String {
        let t = context.t
        let catalog = RiskCatalog.bundled
        let (org, asset, risks, assetForm, riskForm) = (model.organizationID, model.asset, model.risks, model.assetForm, model.riskForm)
        let id = asset.id
        return Layout.page(title: asset.name, context: context) {
            heading(1, asset.name)
            El("p", [("class", "lead")]) {
                Text(t(L.Risk.importance) + t(L.Common.colon))
                El("strong", [("id", "asset-importance")]) { Text(String(asset.importance)) }
                Text(t(L.Common.parenthesized("C\(asset.confidentiality) / I\(asset.integrity) / A\(asset.availability)")))
            }
            El("section", [("class", "card card-wide"), ("aria-labelledby", "risks"), ("id", "risks")]) {
                heading(2, t(L.Risk.risksOfAsset), id: "risks-title")
                paragraph(t(L.Risk.arithmetic), class: "hint")
                if risks.isEmpty {
                    paragraph(t(L.Risk.noRisks), class: "muted")
                } else {
                    riskTable(risks, org: org, showAsset: false, context: context)
                }
                heading(3, t(L.Risk.addRisk))
                FormField.errorSummary(riskForm, context: context)
                El("form", [("method", "post"), ("action", SiteURL.assetRisks(organization: org, asset: id).path)]) {
                    csrfField(context)
                    FormField.select("threat", label: t(L.Risk.threat),
                                     choices: catalog.threats.map { ($0.key, t($0.name) + " — " + t($0.description)) } + [("other", t(L.Risk.otherThreat))],
                                     state: riskForm, context: context)
                    FormField.input("threatText", label: t(L.Risk.otherThreatText), state: riskForm, context: context, options: .init(maxLength: TextLimit.line))
                    div("field-row") {
                        FormField.select("likelihood", label: t(L.Risk.likelihood), choices: ratingChoices(catalog.likelihood, t), state: riskForm, context: context)
                        FormField.select("vulnerability", label: t(L.Risk.vulnerability), choices: ratingChoices(catalog.vulnerability, t), state: riskForm, context: context)
                    }
                    FormField.submit(t(L.Risk.addRisk))
                }
            }
            El("section", [("class", "card card-wide"), ("aria-labelledby", "asset-details")]) {
                heading(2, t(L.Risk.editAsset), id: "asset-details")
                FormField.errorSummary(assetForm, context: context)
                El("form", [("method", "post"), ("action", SiteURL.asset(organization: org, asset: id).path)]) {
                    csrfField(context)
                    assetFields(assetForm, context: context)
                    FormField.submit(t(L.Common.save))
                }
                FormField.actionButton(t(L.Risk.removeAsset), action: SiteURL.assetRemove(organization: org, asset: id).path, context: context, danger: true)
            }
            El("p") { link(t(L.Risk.backToAssets), to: SiteURL.assets(organization: org).path) }
        }
    }

    static func riskTable(_ risks: [Risk], org: UUID, showAsset: Bool, context: PageContext) -> Component {
        let t = context.t
        var labels = [L.Risk.threat, L.Risk.likelihood, L.Risk.vulnerability, L.Risk.damageLikelihood, L.Risk.importance, L.Risk.riskValue, L.Risk.band, L.Risk.treatment]
        if showAsset { labels.insert(L.Risk.asset, at: 0) }
        return div("table-scroll") {
            El("table", [("class", "compact cards-on-phone risk-table")]) {
                tableHead(labels.map(t))
                El("tbody") {
                    for risk in risks {
                        let untreated = risk.riskBand == .large && risk.treatment == nil
                        El("tr", [("id", "risk-\(risk.id.uuidString)"), ("class", "band-\(risk.band)" + (untreated ? " untreated" : "")), ("data-value", String(risk.riskValue))]) {
                            if showAsset {
                                El("td", [("data-label", t(L.Risk.asset))]) { link(risk.assetName ?? "", to: SiteURL.asset(organization: org, asset: risk.assetID).path) }
                            }
                            El("td", [("data-label", t(L.Risk.threat))]) { Text(t(RiskCatalog.name(risk.threat))) }
                            El("td", [("data-label", t(L.Risk.likelihood)), ("class", "number")]) { Text(String(risk.likelihood)) }
                            El("td", [("data-label", t(L.Risk.vulnerability)), ("class", "number")]) { Text(String(risk.vulnerability)) }
                            El("td", [("data-label", t(L.Risk.damageLikelihood)), ("class", "number")]) { Text(String(risk.damageLikelihood)) }
                            El("td", [("data-label", t(L.Risk.importance)), ("class", "number")]) { Text(String(risk.riskValue / max(risk.damageLikelihood, 1))) }
                            El("td", [("data-label", t(L.Risk.riskValue)), ("class", "number")]) { El("strong") { Text(String(risk.riskValue)) } }
                            El("td", [("data-label", t(L.Risk.band))]) {
                                El("span", [("class", "status-tag band-tag band-\(risk.band)")]) { Text(t(L.Risk.bandName(risk.riskBand))) }
                                if untreated { El("span", [("class", "tag tag-warning")]) { Text(t(L.Risk.untreatedFlag)) } }
                            }
                            El("td", [("data-label", t(L.Risk.treatment))]) {
                                El("form", [("method", "post"), ("action", SiteURL.risk(organization: org, risk: risk.id).path), ("class", "treatment-form")]) {
                                    csrfField(context)
                                    El("label", [("class", "visually-hidden"), ("for", "treatment-\(risk.id.uuidString)")]) { Text(t(L.Risk.treatment)) }
                                    El("select", [("name", "treatment"), ("id", "treatment-\(risk.id.uuidString)")]) {
                                        El("option", [("value", "")]) { Text(t(L.Risk.undecided)) }
                                        for treatment in RiskTreatment.allCases {
                                            El("option", [("value", treatment.rawValue)] + (risk.treatment == treatment.rawValue ? [("selected", nil)] : [])) {
                                                Text(t(L.Risk.treatmentName(treatment)))
                                            }
                                        }
                                    }
                                    El("label", [("class", "visually-hidden"), ("for", "measure-\(risk.id.uuidString)")]) { Text(t(L.Risk.measure)) }
                                    El.void("input", [("type", "text"), ("name", "measure"), ("id", "measure-\(risk.id.uuidString)"), ("value", risk.measure),
                                                      ("maxlength", String(TextLimit.paragraph)), ("placeholder", t(L.Risk.measure))])
                                    El("button", [("type", "submit"), ("class", "button small secondary")]) { Text(t(L.Risk.saveTreatment)) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func register(_ model: RegisterModel, context: PageContext) -> String {
        let t = context.t
        let (org, page, heatMap, untreatedLarge) = (model.organizationID, model.page, model.heatMap, model.untreatedLarge)
        return Layout.page(title: t(L.Risk.registerTitle), context: context) {
            heading(1, t(L.Risk.registerTitle))
            paragraph(t(L.Risk.registerLead), class: "lead")
            if untreatedLarge > 0 {
                El("p", [("class", "notice"), ("role", "status"), ("id", "untreated-large")]) { Text(t(L.Risk.untreatedLarge(untreatedLarge))) }
            }
            if page.items.isEmpty {
                paragraph(t(L.Risk.noRegister), class: "muted")
            } else {
                El("section", [("class", "card card-wide"), ("aria-labelledby", "heat")]) {
                    heading(2, t(L.Risk.heatMapTitle), id: "heat")
                    Chart.heatMap(heatMap, title: t(L.Risk.heatMapTitle), description: t(L.Risk.heatMapDescription), rowLabel: t(L.Risk.importance),
                                  columnLabel: t(L.Risk.damageLikelihood), id: "heat-map")
                    paragraph(t(L.Risk.heatMapDescription), class: "hint")
                }
                riskTable(page.items, org: org, showAsset: true, context: context)
                pagination(page, context: context) { SiteURL.risks(organization: org, page: $0).path }
            }
            El("p") { link(t(L.Risk.backToAssets), to: SiteURL.assets(organization: org).path) }
        }
    }

    /// Upload a spreadsheet, then see every problem (or the first rows) before confirming.
    static func importPage(_ model: ImportModel, context: PageContext) -> String {
        let t = context.t
        let (org, preview, error) = (model.organizationID, model.preview, model.error)
        return Layout.page(title: t(L.Risk.importTitle), context: context) {
            heading(1, t(L.Risk.importTitle))
            paragraph(t(L.Risk.importLead), class: "lead")
            El("p", [("class", "actions")]) {
                link(t(L.Risk.templateCSV), to: SiteURL.assetsTemplate(organization: org, format: "csv").path, [("class", "button secondary")])
                Text(" ")
                link(t(L.Risk.templateXLSX), to: SiteURL.assetsTemplate(organization: org, format: "xlsx").path, [("class", "button secondary")])
            }
            if let error {
                El("div", [("class", "error-summary"), ("role", "alert"), ("id", "import-error")]) { paragraph(t(error)) }
            }
            if let (uploadID, result) = preview {
                El("section", [("class", "card card-wide"), ("aria-labelledby", "preview"), ("id", "import-preview"),
                               ("data-rows", String(result.rowCount)), ("data-problems", String(result.problems.count))]) {
                    heading(2, t(L.Risk.importSummary(result.rowCount, result.problems.count)), id: "preview")
                    if !result.problems.isEmpty {
                        div("table-scroll") {
                            El("table", [("class", "compact cards-on-phone import-problems")]) {
                                tableHead([L.Risk.row, L.Risk.column, L.Risk.problem].map(t))
                                El("tbody") {
                                    for problem in result.problems.prefix(500) {
                                        El("tr", [("data-row", String(problem.row))]) {
                                            El("td", [("data-label", t(L.Risk.row)), ("class", "number")]) { Text(String(problem.row)) }
                                            El("td", [("data-label", t(L.Risk.column))]) { Text(t(fieldLabel(problem.field))) }
                                            El("td", [("data-label", t(L.Risk.problem))]) { Text(t(L.Common.describe(problem.problem))) }
                                        }
                                    }
                                }
                            }
                        }
                    } else {
                        El("form", [("method", "post"), ("action", SiteURL.assetsImportConfirm(organization: org, upload: uploadID).path)]) {
                            csrfField(context)
                            FormField.submit(t(L.Risk.importConfirm))
                        }
                    }
                    heading(3, t(L.Risk.previewTitle))
                    div("table-scroll") {
                        El("table", [("class", "compact import-preview")]) {
                            tableHead(result.header)
                            El("tbody") {
                                for row in result.sample { El("tr") { for cell in row { El("td") { Text(cell) } } } }
                            }
                        }
                    }
                }
            }
            El("form", [("method", "post"), ("action", SiteURL.assetsImport(organization: org).path), ("enctype", "multipart/form-data"), ("class", "card card-wide")]) {
                csrfField(context)
                div("field") {
                    El("label", [("for", "field-file")]) { Text(t(L.Risk.importFile)) }
                    El.void("input", [("type", "file"), ("id", "field-file"), ("name", "file"), ("required", nil),
                                      ("accept", ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")])
                }
                FormField.submit(t(L.Risk.importCheck))
            }
            El("p") { link(t(L.Risk.backToAssets), to: SiteURL.assets(organization: org).path) }
        }
    }

    static func fieldLabel(_ field: String) -> LocalizedText {
        switch field {
        case "business": L.Risk.business
        case "name": L.Risk.name
        case "notes": L.Risk.notes
        case "usersAllowed": L.Risk.usersAllowed
        case "ownerDepartment": L.Risk.ownerDepartment
        case "medium": L.Risk.medium
        case "personalData": L.Risk.personalData
        case "confidentiality": L.Risk.confidentiality
        case "integrity": L.Risk.integrity
        case "availability": L.Risk.availability
        case "retention": L.Risk.retention
        case "registeredOn": L.Risk.registeredOn
        default: LocalizedText(ja: field, en: field)
        }
    }
}

extension RiskPages.Asset {
    init(_ asset: InformationAsset) {
        self.init(id: asset.id!, business: asset.business, name: asset.name, notes: asset.notes, usersAllowed: asset.usersAllowed,
                  ownerDepartment: asset.ownerDepartment, medium: asset.medium, personalData: asset.personalData, confidentiality: asset.confidentiality,
                  integrity: asset.integrity, availability: asset.availability, importance: asset.importance, retention: asset.retention,
                  registeredOn: asset.registeredOn)
    }
}

extension RiskPages.Risk {
    init(_ risk: AssetRisk) {
        self.init(id: risk.id!, assetID: risk.$asset.id, assetName: risk.$asset.value?.name, threat: risk.threat, likelihood: risk.likelihood,
                  vulnerability: risk.vulnerability, damageLikelihood: risk.damageLikelihood, riskValue: risk.riskValue, band: risk.band,
                  treatment: risk.treatment, measure: risk.measure)
    }
}
