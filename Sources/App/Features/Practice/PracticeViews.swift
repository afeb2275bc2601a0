import Plot
import Vapor

enum PracticeViews {
    static func list(
        _ request: Request, filters: PracticeController.Filters, studies: [CaseStudy],
        terms: [UUID: [Vocabulary: [String]]], total: Int
    ) -> HTML {
        let pageCount = max(1, (total + PracticeController.pageSize - 1) / PracticeController.pageSize)
        return Layout(
            title: "Practice bank", request: request,
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
                    request.currentUser != nil,
                    .a(.href(SiteURL.savedCaseStudies.path), .plainText("Your saved case studies"))),
                .if(
                    request.currentUser?.isCoordinator == true,
                    .a(
                        .class("button button--secondary"), .href(SiteURL.newCaseStudy.path),
                        .plainText("Add a case study")))
            ),
            .div(
                .class("search-layout"),
                .form(
                    .class("search-form"), .method(.get), .action(SiteURL.practice.path),
                    .attribute(named: "role", value: "search"),
                    .attribute(named: "aria-label", value: "Filter case studies"),
                    Forms.select(
                        name: "work", label: "Kind of work", empty: "Any",
                        options: Vocabulary.kindOfWork.terms.map { ($0.code, $0.label) }, selected: filters.work),
                    Forms.select(
                        name: "method", label: "Method", empty: "Any",
                        options: Vocabulary.method.terms.map { ($0.code, $0.label) }, selected: filters.method),
                    .button(.type(.submit), .class("button"), .plainText("Filter")),
                    .if(
                        !filters.parameters.isEmpty,
                        .p(.a(.href(SiteURL.practice.path), .plainText("Show every case study"))))
                ),
                .div(
                    .class("search-results"),
                    .h2(.class("results-count"), .plainText(total == 1 ? "1 case study" : "\(total) case studies")),
                    .if(studies.isEmpty, .p(.plainText("No case studies match. Try another kind of work or method."))),
                    caseStudyList(studies, terms: terms),
                    .if(
                        pageCount > 1,
                        Pagination.links(page: filters.page, pageCount: pageCount, label: "Pages of case studies") {
                            number in
                            var parameters = filters.parameters
                            if number > 1 { parameters["page"] = String(number) }
                            return SiteURL.practice.with(query: parameters)
                        })
                )
            )
        )
    }

    private static func caseStudyList(_ studies: [CaseStudy], terms: [UUID: [Vocabulary: [String]]]) -> Node<
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

    static func show(
        _ request: Request, study: CaseStudy, organisation: Organisation?, terms: [Vocabulary: [String]], saved: Bool
    ) -> HTML {
        Layout(title: study.title, request: request, description: study.summary).render(
            .p(.a(.href(SiteURL.practice.path), .plainText("Practice bank"))),
            .article(
                .span(.class("caption"), .plainText("Case study")),
                .h1(.plainText(study.title)),
                .p(.class("lead"), .plainText(study.summary)),
                .unwrap(organisation) { organisation in
                    .p(
                        .plainText("By "),
                        .a(
                            .href(SiteURL.organisation(organisation.slug).path.attributeEscaped),
                            .plainText(organisation.name)))
                },
                .forEach(study.parts) { part in
                    .group(.h2(.plainText(part.heading)), Markdown.node(part.text))
                },
                CuratedViews.termSummary(terms, vocabularies: [.kindOfWork, .method, .theme])
            ),
            .if(
                request.currentUser != nil,
                .form(
                    .method(.post), .action(SiteURL.saveCaseStudy(study.slug).path.attributeEscaped),
                    Forms.csrfField(request),
                    Forms.submit(saved ? "Take it off your list" : "Save to your list", secondary: true)
                )),
            .if(
                request.currentUser?.isCoordinator == true,
                .p(
                    .a(
                        .href(SiteURL.editCaseStudy(study.slug).path.attributeEscaped),
                        .plainText("Edit this case study"))))
        )
    }

    static func saved(_ request: Request, studies: [CaseStudy]) -> HTML {
        Layout(title: "Your saved case studies", request: request).render(
            .h1(.plainText("Your saved case studies")),
            .if(
                studies.isEmpty,
                .p(
                    .plainText("You have not saved any yet. Use \"Save to your list\" on a case study in the "),
                    .a(.href(SiteURL.practice.path), .plainText("practice bank")), .plainText("."))),
            caseStudyList(studies, terms: [:])
        )
    }

    static func form(_ request: Request, form: CaseStudyForm, study: CaseStudy?, errors: FormErrors = .init()) -> HTML {
        let title = study == nil ? "Add a case study" : "Edit a case study"
        let action = study.map { SiteURL.editCaseStudy($0.slug) } ?? .newCaseStudy
        let hint = "Markdown works here: a blank line between paragraphs, *italics*, **bold**, lists and links."
        return Layout(title: title, request: request, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .h1(.plainText(title)),
            .form(
                .method(.post), .action(action.path.attributeEscaped),
                Forms.csrfField(request),
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
                    name: "work", legend: "Kinds of work",
                    options: Vocabulary.kindOfWork.terms.map { ($0.code, $0.label) }, checked: form.kindsOfWork,
                    errors: errors, groupID: "work"),
                Forms.checkboxes(
                    name: "methods", legend: "Methods (optional)",
                    options: Vocabulary.method.terms.map { ($0.code, $0.label) }, checked: form.methods, errors: errors,
                    groupID: "methods"),
                Forms.checkboxes(
                    name: "themes", legend: "Themes (optional)",
                    options: Vocabulary.theme.terms.map { ($0.code, $0.label) }, checked: form.themes, errors: errors,
                    groupID: "themes"),
                Forms.submit("Save")
            )
        )
    }
}

/// Pieces shared by the practice bank, narratives and the library.
enum CuratedViews {
    static func termSummary(_ terms: [Vocabulary: [String]], vocabularies: [Vocabulary]) -> Node<HTML.BodyContext> {
        let rows = vocabularies.compactMap { vocabulary -> (String, String)? in
            let labels = (terms[vocabulary] ?? []).compactMap { vocabulary.label(for: $0) }
            return labels.isEmpty ? nil : (vocabulary.pluralTitle, labels.joined(separator: ", "))
        }
        return .if(
            !rows.isEmpty,
            .dl(
                .class("summary-list"),
                .forEach(rows) { row in
                    .div(.class("summary-list__row"), .dt(.plainText(row.0)), .dd(.plainText(row.1)))
                }))
    }
}
