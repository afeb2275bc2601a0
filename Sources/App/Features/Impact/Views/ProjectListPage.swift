import Foundation
import Plot

/// `/impact/projects`: the projects the viewer may read, each with its organisation.
enum ProjectListPage {
    struct Model: Sendable {
        let page: PageContext
        /// By name, with their organisations.
        let projects: [Project]
        /// Whether the viewer runs an organisation, and so may add a project.
        let canAdd: Bool
    }

    static func view(_ model: Model) -> HTML {
        Layout(title: "Projects", page: model.page).render(
            .h1(.plainText("Projects")),
            .p(
                .class("lead"),
                .plainText(
                    "Good relations projects across the alliance, each with its theory of change: what it does, the changes it hopes for, and how it measures them."
                )),
            .if(
                model.canAdd,
                .p(
                    .a(
                        .class("button button--secondary"), .href(SiteURL.newProject.path),
                        .plainText("Add a project")))),
            .if(model.projects.isEmpty, .p(.plainText("No projects yet."))),
            .ol(
                .class("result-list"),
                .forEach(model.projects) { project in
                    .li(
                        .class("result"),
                        .h2(
                            .class("result__title"),
                            .a(.href(SiteURL.project(project.slug).path.attributeEscaped), .plainText(project.name))),
                        .p(.class("result__summary"), .plainText(project.summary)),
                        .p(.class("result__meta"), .plainText(project.organisation.name)))
                })
        )
    }
}
