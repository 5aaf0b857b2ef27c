import StoreOpsCore

/// The list of stores as text or JSON.
public enum StoreListRenderer {
    public static func json(_ stores: [Store]) -> String {
        JSONValue.object([("stores", .array(stores.map { store in
            .object([("id", .string(store.id.rawValue)), ("name", .string(store.name)), ("platform", .string(store.platform.rawValue)),
                     ("currency", .string(store.currency.code)), ("timezone", .string(store.timeZone.identifier))])
        }))]).rendered() + "\n"
    }

    public static func text(_ stores: [Store], language: Language) -> String {
        guard !stores.isEmpty else {
            return language.pick("还没有店铺。用 `storeops store add` 添加, 或运行 `storeops demo`。\n",
                                 "No stores yet. Add one with `storeops store add`, or run `storeops demo`.\n")
        }
        let header = [language.pick("店铺ID", "ID"), language.pick("名称", "Name"), language.pick("平台", "Platform"),
                      language.pick("币种", "Currency"), language.pick("时区", "Time zone")]
        let rows = stores.map { [$0.id.rawValue, $0.name, language.pick($0.platform.chineseName, $0.platform.englishName), $0.currency.code, $0.timeZone.identifier] }
        return TextTable.render(header: header, rows: rows)
    }
}
