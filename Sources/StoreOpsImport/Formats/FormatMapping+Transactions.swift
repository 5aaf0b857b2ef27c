extension FormatMapping {
    /// A `transactions` mapping as the `orders` mapping it stands for (`MappingFile.transactionFields`): the same
    /// columns under the orders' field names, required entries renamed alike.
    func transactionsAsOrders() -> FormatMapping {
        var orders = self
        orders.target = .orders
        var columns: [String: [String]] = [:]
        for (field, names) in self.columns {
            for target in MappingFile.transactionFields[field] ?? [field] { columns[target] = names }
        }
        orders.columns = columns
        orders.required = required.map { entry in
            FormatMapping.alternatives(entry).map { MappingFile.transactionFields[$0]?.last ?? $0 }.joined(separator: "|")
        }
        return orders
    }
}
