import Foundation
import Plot

/// `/practice`: the bank of case studies, filtered by kind of work and method.
enum PracticeListPage {
    struct Model: Sendable {
        let page: PageContext
        let filters: PracticeController.Filters
        let studies: Paged<CaseStudy>
        let terms: [UUID: [Vocabulary: [String]]]
        /// Whether the viewer may keep their own list of case studies (anyone signed in).
        let canKeepList: Bool
        let canCurate: Bool
    }

    static func view(_ model: Model) -> HTML {
        let filters = model.filters
        let total = model.studies.total
        let results = FilteredResults(
            address: .practice, formLabel: "Filter case studies",
            filters: [
                .init(
                    name: "work", label: "Kind of work", options: CuratedViews.options(.kindOfWork),
                    selected: filters.work),
                .init(
                    name: "method", label: "Method", options: CuratedViews.options(.method), selected: filters.method),
            ],
            parameters: filters.parameters, showAllText: "Show every case study",
            countText: total == 1 ? "1 case study" : "\(total) case studies",
            emptyText: "No case studies match. Try another kind of work or method.",
            paginationLabel: "Pages of case studies")
        return Layout(
            title: "Practice bank", page: model.page,
            description: "Case studies of good relations work across England, to learn from and adapt."
        ).render(
            .h1(.plainText("Practice bank")),
            .p(
                .class("lead"),
                .plainText(
                    "Case studies of good relations work, set out the same way so you can compare them and adapt what fits: the context, the challenge, the approach, what happened and the evidence of difference."
                )),
            .div(
                .class("button-group"),
                .if(
                    model.canKeepList,
                    .a(.href(SiteURL.savedCaseStudies.path), .plainText("Your saved case studies"))),
                .if(
                    model.canCurate,
                    .a(
                        .class("button button--secondary"), .href(SiteURL.newCaseStudy.path),
                        .plainText("Add a case study")))
            ),
            results.node(model.studies, results: PracticeViews.caseStudyList(model.studies.items, terms: model.terms))
        )
    }
}

/// `/practice/{slug}`: one case study, in its parts.
enum CaseStudyPage {
    struct Model: Sendable {
        let page: PageContext
        let study: CaseStudy
        /// The organisation behind it, when the viewer may see its listing.
        let organisation: Organisation?
        let terms: [Vocabulary: [String]]
        /// Whether it is on the viewer's own list.
        let saved: Bool
        let canKeepList: Bool
        let canCurate: Bool
    }

    static func view(_ model: Model) -> HTML {
        let study = model.study
        return Layout(title: study.title, page: model.page, description: study.summary).render(
            .p(.a(.href(SiteURL.practice.path), .plainText("Practice bank"))),
            .article(
                .span(.class("caption"), .plainText("Case study")),
                .h1(.plainText(study.title)),
                .p(.class("lead"), .plainText(study.summary)),
                .unwrap(model.organisation) { organisation in
                    .p(
                        .plainText("By "),
                        .a(
                            .href(SiteURL.organisation(organisation.slug).path.attributeEscaped),
                            .plainText(organisation.name)))
                },
                .forEach(study.parts) { part in
                    .group(.h2(.plainText(part.heading)), Markdown.node(part.text))
                },
                CuratedViews.termSummary(model.terms, vocabularies: [.kindOfWork, .method, .theme])
            ),
            .if(
                model.canKeepList,
                .form(
                    .method(.post), .action(SiteURL.saveCaseStudy(study.slug).path.attributeEscaped),
                    Forms.csrfField(model.page),
                    Forms.submit(model.saved ? "Take it off your list" : "Save to your list", secondary: true)
                )),
            .if(
                model.canCurate,
                .p(
                    .a(
                        .href(SiteURL.editCaseStudy(study.slug).path.attributeEscaped),
                        .plainText("Edit this case study"))))
        )
    }
}

/// `/account/saved`: the case studies a member keeps.
enum SavedCaseStudiesPage {
    struct Model: Sendable {
        let page: PageContext
        /// Newest saved first.
        let studies: [CaseStudy]
    }

    static func view(_ model: Model) -> HTML {
        Layout(title: "Your saved case studies", page: model.page).render(
            .h1(.plainText("Your saved case studies")),
            .if(
                model.studies.isEmpty,
                .p(
                    .plainText("You have not saved any yet. Use \"Save to your list\" on a case study in the "),
                    .a(.href(SiteURL.practice.path), .plainText("practice bank")), .plainText("."))),
            PracticeViews.caseStudyList(model.studies, terms: [:])
        )
    }
}

/// `/practice/new` and `/practice/{slug}/edit`: a curator writes or changes a case study.
enum CaseStudyFormPage {
    struct Model: Sendable {
        let page: PageContext
        let form: CaseStudyForm
        /// The case study being changed, or nil for a new one.
        let study: CaseStudy?
        var errors = FormErrors()
    }

    static func view(_ model: Model) -> HTML {
        let form = model.form
        let errors = model.errors
        let title = model.study == nil ? "Add a case study" : "Edit a case study"
        let action = model.study.map { SiteURL.editCaseStudy($0.slug) } ?? .newCaseStudy
        let hint = "Markdown works here: a blank line between paragraphs, *italics*, **bold**, lists and links."
        return Layout(title: title, page: model.page, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .h1(.plainText(title)),
            .form(
                .method(.post), .action(action.path.attributeEscaped),
                Forms.csrfField(model.page),
                Forms.input(.init(name: "title", label: "Title", value: form.title), errors: errors),
                Forms.textarea(
                    name: "summary", label: "Summary", value: form.summary, hint: "One or two sentences.", rows: 3,
                    errors: errors),
                Forms.input(
                    .init(
                        name: "organisation", label: "Organisation (optional)", value: form.organisation,
                        hint: "The last part of its directory address, for example aik-saath."), errors: errors),
                Forms.textarea(
                    name: "context", label: "The context", value: form.context, hint: hint, rows: 5, errors: errors),
                Forms.textarea(
                    name: "challenge", label: "The challenge", value: form.challenge, rows: 5, errors: errors),
                Forms.textarea(
                    name: "approach", label: "The approach and methods", value: form.approach, rows: 5, errors: errors),
                Forms.textarea(name: "outcome", label: "What happened", value: form.outcome, rows: 5, errors: errors),
                Forms.textarea(
                    name: "evidence", label: "Evidence of difference", value: form.evidence, rows: 5, errors: errors),
                Forms.textarea(
                    name: "contact", label: "Contact", value: form.contact,
                    hint: "How to reach the people behind it: a hub or an organisation, never a private address.",
                    rows: 2, errors: errors),
                Forms.checkboxes(
                    name: "work", legend: "Kinds of work", options: CuratedViews.options(.kindOfWork),
                    checked: form.kindsOfWork, errors: errors, groupID: "work"),
                Forms.checkboxes(
                    name: "methods", legend: "Methods (optional)", options: CuratedViews.options(.method),
                    checked: form.methods, errors: errors, groupID: "methods"),
                Forms.checkboxes(
                    name: "themes", legend: "Themes (optional)", options: CuratedViews.options(.theme),
                    checked: form.themes, errors: errors, groupID: "themes"),
                Forms.submit("Save")
            )
        )
    }
}

/// Pieces the practice bank's pages share.
enum PracticeViews {
    static func caseStudyList(_ studies: [CaseStudy], terms: [UUID: [Vocabulary: [String]]]) -> Node<
        HTML.BodyContext
    > {
        .ol(
            .class("result-list"),
            .forEach(studies) { study in
                let methods = (study.id.flatMap { terms[$0]?[.method] } ?? []).compactMap {
                    Vocabulary.method.label(for: $0)
                }
                return .li(
                    .class("result"),
                    .h3(
                        .class("result__title"),
                        .a(.href(SiteURL.caseStudy(study.slug).path.attributeEscaped), .plainText(study.title))),
                    .p(.class("result__summary"), .plainText(study.summary)),
                    .if(!methods.isEmpty, .p(.class("result__meta"), .plainText(methods.joined(separator: " · ")))))
            })
    }
}
