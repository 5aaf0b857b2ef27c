import Foundation
import Hummingbird
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// The settings page of a store and its three forms: a target, the costs, the check thresholds.
extension WebController {
    /// Which settings form was posted.
    enum SettingsForm {
        case target, costs, checks
    }

    /// The settings page; `error` (what a form could not save, and why) is shown above it with status 400.
    func settings(_ request: Request, _ context: ServerContext, error: String?) async throws -> Response {
        let (session, user) = try await signedIn(request)
        let store = try await requireStore(context, user)
        let l = Self.language(request)
        async let targets = TargetService(user).targets(store: store.id)
        async let costs = CostService(user).settings(store: store.id)
        async let thresholds = SettingsService(user).entries(store: store.id)
        let content = SettingsPage(language: l, csrf: session.csrfToken, canWrite: user.policy.permits(.write, on: store))
            .content(store: store, targets: try await targets, costs: try await costs, thresholds: try await thresholds, error: error)
        let page = WebPage(title: "\(store.name) · \(l.pick("设置", "Settings"))", language: l, user: (user.user.name, session.csrfToken),
                           path: StoreNav.settings.path(store.id))
        return html(error == nil ? .ok : .badRequest, page.render(content), request: request)
    }

    /// Saves one form (operators only, with the session's CSRF token), then shows the settings again; a value the
    /// service refuses is shown with its reason and nothing of that form is saved.
    func saveSettings(_ request: Request, _ context: ServerContext, _ form: SettingsForm) async throws -> Response {
        let (store, user, fields) = try await action(request, context)
        func given(_ name: String) -> String? { fields[name].map { $0.trimmingCharacters(in: .whitespaces) } }
        do {
            switch form {
            case .target:
                let optional = { (name: String) in given(name).flatMap { $0.isEmpty ? nil : $0 } }
                try await TargetService(user).set(store: store.id, period: given("period") ?? "", gmv: given("gmv") ?? "",
                                                                   profit: optional("profit"), adBudget: optional("ad_budget"))
            case .costs:
                // An empty rate leaves it as it is; an empty amount clears it. A form left empty on a store without cost
                // settings saves nothing: profit stays unknown rather than computed with made-up zeros.
                let names = ["commission", "payment_fee", "shipping_per_order", "other_daily_cost", "shipping_rules"]
                // The price list: one rule per line; an empty list clears it.
                let rules = (given("shipping_rules") ?? "").split(whereSeparator: \.isNewline)
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                guard rules.count <= 500 else {
                    throw ServiceError(.invalidInput, "The shipping price list has more than 500 lines. 运费价目表超过 500 行。")
                }
                let known = try await CostService(user).settings(store: store.id) != nil
                // First cost settings need both rates: a rate left out would be stored as 0 and profit computed from it.
                if !known, names.contains(where: { !(given($0) ?? "").isEmpty }),
                   (given("commission") ?? "").isEmpty || (given("payment_fee") ?? "").isEmpty {
                    throw ServiceError(.invalidInput, "Give both the commission and the payment fee (0 when there is none): without them "
                        + "profit cannot be worked out. 请同时填写平台佣金和支付手续费（没有就填 0），否则无法计算利润。")
                }
                if known || names.contains(where: { !(given($0) ?? "").isEmpty }) {
                    try await CostService(user).set(
                        store: store.id, commissionPercent: given("commission").flatMap { $0.isEmpty ? nil : $0 },
                        paymentFeePercent: given("payment_fee").flatMap { $0.isEmpty ? nil : $0 },
                        shippingPerOrder: given("shipping_per_order"), otherDailyCost: given("other_daily_cost"),
                        shippingRules: fields["shipping_rules"] == nil ? nil : rules)
                }
            case .checks:
                let service = SettingsService(user)
                // Every value is checked before any is saved: a form is saved whole or not at all.
                var changes: [(String, String)] = []
                for entry in try await service.entries(store: store.id) {
                    guard let value = given(entry.name.rawValue), !value.isEmpty, value != entry.value else { continue }
                    try service.check(name: entry.name.rawValue, value: value, currency: store.currency)
                    changes.append((entry.name.rawValue, value))
                }
                for (name, value) in changes { try await service.set(store: store.id, name: name, value: value) }
            }
        } catch let error as ServiceError where error.code == .invalidInput {
            return try await settings(request, context, error: error.message)
        }
        return WebRedirect(location: StoreNav.settings.path(store.id)).response
    }
}
