import Foundation
import StoreOpsCore
import Testing

/// The acceptance of "every section from the operator's own files": stores built only from files and commands, run
/// through the CLI in-process.
@Suite("Every check from files and commands")
struct EveryCheckTests {
    /// The findings of `checks` as `check subject severity at-stake` lines, and the data kinds that could not run.
    static func checks(_ cli: CLI, store: String, date: String) async throws -> (findings: [String], notRun: [String]) {
        let out = await cli.run("checks", "--store", store, "--date", date, "--format", "json", "--no-tasks").out
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any], "\(out)")
        let findings = try #require(object["findings"] as? [[String: Any]]).map { f in
            "\(f["check"]!) \(f["subject"]!) \(f["severity"]!) \(f["at_stake"].map { "\($0)" } ?? "-")"
        }
        let notRun = try #require(object["not_run"] as? [[String: Any]]).map { "\($0["missing"]!)" }
        return (findings, notRun)
    }

    @Test(
        "the demo's commands and files, its imports in reverse order, make a store with the demo's findings and figures"
    )
    func demoFilesReimported() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        let folder = cli.directory.appendingPathComponent("demo-files")
        let demo = await cli.run("demo", "--days", "30", "--seed", "5", "--files", folder.path)
        #expect(demo.code == 0, "\(demo.err)")
        let readme = try String(contentsOf: folder.appendingPathComponent("README.txt"), encoding: .utf8)
        let lines = readme.split(separator: "\n").filter { $0.hasPrefix("storeops ") }
        let imports = lines.filter { $0.hasPrefix("storeops import ") }
        #expect(imports.count >= 20 && lines.first?.hasPrefix("storeops store add") == true)
        for command in lines.filter({ !$0.hasPrefix("storeops import ") }) + imports.reversed() {
            let words = command.split(separator: " ").dropFirst().map { word -> String in
                word == "STORE"
                    ? "copy"
                    : word.hasSuffix(".csv") || word.hasSuffix(".json")
                        ? folder.appendingPathComponent(String(word)).path
                        : String(word)
            }
            let result = await cli.run(words)
            #expect(result.code == 0, "\(command): \(result.out) \(result.err)")
        }
        let original = try await Self.checks(cli, store: "demo", date: "2026-03-31")
        let copy = try await Self.checks(cli, store: "copy", date: "2026-03-31")
        #expect(!original.findings.isEmpty && original.notRun.isEmpty)
        #expect(copy.findings == original.findings)
        #expect(copy.notRun == original.notRun)
        // The master table of the last week, targets and costs included, is the demo's.
        func table(_ store: String) async -> String {
            await cli.run("table", "--store", store, "--from", "2026-03-25", "--to", "2026-03-31", "--format", "csv")
                .out
        }
        let demoTable = await table("demo")
        #expect(demoTable.count > 500 && demoTable.contains("2026-03-31"))
        // Only the store column differs.
        #expect(await table("copy").replacingOccurrences(of: "copy", with: "demo") == demoTable)
    }

    /// The two stores' files (CSV, to import with `--kind`, and `--date` for the stock count) and commands: the problem
    /// store has one of each problem, the clean store the same data kinds with every figure just inside its threshold.
    /// Checks of 2026-03-30, a Monday (page health), seen from 2026-03-31 00:00 in Shanghai.
    static func store(problems: Bool) -> (files: [(name: String, kind: String, text: String)], commands: [[String]]) {
        let p = problems
        let productsCSV = "Handle,Title,Variant SKU,Variant Price,Cost per item\n"
            + "P1,316不锈钢保温杯大容量男女便携水杯,A-1,100.00,50.00\nP2,儿童保温杯带吸管防摔上学水杯,B-1,50.00,20.00\n"
            + "P3,陶瓷内胆保温杯办公室泡茶杯,R-1,80.00,40.00\n" + (p ? "P4,杯套,S-1,60.00,25.00\n" : "P4,保温杯硅胶杯套防滑隔热杯套,S-1,60.00,25.00\n")
            + "P5,大容量运动水壶户外健身吨吨桶,D-1,200.00,90.00\n"
        // 1101-1107 one a day from 03-23; 1201 paid 03-27 and not shipped (39 h late); 1301 a 3000.00 order and 1302 a
        // line at a tenth of its list price, both paid on the day checked.
        var orders = "订单编号,订单状态,订单付款时间,买家实际支付金额,发货时间\n"
            + "1001,交易成功,2026-03-05 10:00:00,160.00,2026-03-05 17:00:00\n1002,交易成功,2026-03-08 10:00:00,160.00,2026-03-08 17:00:00\n"
            + "1003,交易成功,2026-03-18 10:00:00,700.00,2026-03-18 17:00:00\n1004,交易成功,2026-03-20 10:00:00,700.00,2026-03-20 17:00:00\n"
        var items = "订单编号,宝贝ID,标题,价格,购买数量,商家编码\n1001,P3,陶瓷内胆保温杯办公室泡茶杯,80.00,2,R-1\n"
            + "1002,P3,陶瓷内胆保温杯办公室泡茶杯,80.00,2,R-1\n1003,P2,儿童保温杯带吸管防摔上学水杯,50.00,14,B-1\n"
            + "1004,P2,儿童保温杯带吸管防摔上学水杯,50.00,14,B-1\n"
        for n in 1...7 {
            let status = n <= 3 && p ? "卖家已发货，等待买家确认" : (n == 3 ? "卖家已发货，等待买家确认" : "交易成功")
            orders += "110\(n),\(status),2026-03-\(22 + n) 10:00:00,\(p ? "100.00" : "150.00"),2026-03-\(22 + n) 17:00:00\n"
            items += "110\(n),P1,316不锈钢保温杯大容量男女便携水杯,100.00,1,A-1\n"
            if !p { items += "110\(n),P2,儿童保温杯带吸管防摔上学水杯,50.00,1,B-1\n" }
        }
        if p {
            orders += "1201,买家已付款，等待卖家发货,2026-03-27 09:00:00,100.00,\n"
                + "1301,买家已付款，等待卖家发货,2026-03-30 10:00:00,3000.00,\n1302,买家已付款，等待卖家发货,2026-03-30 11:00:00,10.00,\n"
            items += "1201,P1,316不锈钢保温杯大容量男女便携水杯,100.00,1,A-1\n1301,P1,316不锈钢保温杯大容量男女便携水杯,100.00,30,A-1\n"
                + "1302,P5,大容量运动水壶户外健身吨吨桶,10.00,1,D-1\n"
        } else {
            orders += "1302,买家已付款，等待卖家发货,2026-03-30 11:00:00,200.00,\n"
            items += "1302,P5,大容量运动水壶户外健身吨吨桶,200.00,1,D-1\n"
        }
        let refunds = "退款编号,订单编号,商家编码,买家退款金额,退款状态,买家退款原因,退款的申请时间,退款完结时间,超时时间\n"
            + "RF-1,1001,R-1,80.00,退款成功,质量问题,2026-03-10 10:00:00,2026-03-11 10:00:00,\n"
            + (p ? "RF-2,1001,R-1,80.00,退款成功,质量问题,2026-03-10 11:00:00,2026-03-11 11:00:00,\n"
                    + "RF-3,1002,R-1,80.00,退款成功,质量问题,2026-03-12 10:00:00,2026-03-13 10:00:00,\n"
                    + "RF-4,1105,,100.00,买家已经申请退款，等待卖家同意,不想要了,2026-03-28 20:00:00,,2026-03-30 20:00:00\n"
                    + "RF-5,1106,,100.00,买家已经申请退款，等待卖家同意,不想要了,2026-03-29 10:00:00,,2026-03-31 10:00:00\n"
                 : "RF-5,1106,,150.00,买家已经申请退款，等待卖家同意,不想要了,2026-03-29 10:00:00,,2026-04-02 10:00:00\n")
        let tracking = "运单号,快递公司,物流状态,最后更新时间,最新物流信息,订单号\n"
            + (p ? "SF001,顺丰速运,退回,2026-03-29 09:00:00,收件人拒收，退回寄件人,1101\nSF002,顺丰速运,丢失,2026-03-28 08:00:00,快件丢失,1102\n"
                    + "SF003,顺丰速运,在途,2026-03-27 18:00:00,快件运输中,1103\n"
                 : "SF001,顺丰速运,签收,2026-03-25 12:00:00,已签收,1101\nSF002,顺丰速运,签收,2026-03-26 12:00:00,已签收,1102\n"
                    + "SF003,顺丰速运,在途,2026-03-30 18:00:00,快件运输中,1103\n")
            + "SF004,顺丰速运,签收,2026-03-28 12:00:00,已签收,1104\n"
        let stock = "商品编码,可用数\n" + (p ? "A-1,0\nB-1,10\nS-1,50\n" : "A-1,30\nB-1,80\nS-1,19\n")
        var traffic = "统计日期,访客数,浏览量,跳失率\n"
        for day in 23...29 { traffic += "2026-03-\(day),1000,\(p ? 2000 : 3000),\(p ? "75.00%" : "50.00%")\n" }
        let itemTraffic = "统计日期,商品ID,商品访客数,商品浏览量,支付件数,支付金额,支付买家数\n"
            + "2026-03-25,P1,700,1400,7,700.00,7\n2026-03-25,P2,300,600,2,100.00,2\n"
        let ztc = "日期,推广计划名称,宝贝名称,商品id,关键词,展现量,点击量,花费,平均展现排名,总成交笔数,总成交金额\n"
            + (p ? "2026-03-16,保温杯-收割,316不锈钢保温杯,P1,,5000,200,200.00,,6,600.00\n"
                    + "2026-03-30,保温杯-拉新,316不锈钢保温杯,P1,保温杯大容量,2000,40,120.00,8,0,0.00\n"
                    + "2026-03-30,保温杯-拉新,316不锈钢保温杯,P1,保温杯男,2000,40,100.00,8,2,170.00\n"
                    + "2026-03-30,保温杯-拉新,316不锈钢保温杯,P1,保温杯女,2000,40,100.00,15,5,500.00\n"
                    + "2026-03-30,保温杯-收割,316不锈钢保温杯,P1,,4000,80,400.00,,6,600.00\n"
                 : "2026-03-16,保温杯-收割,316不锈钢保温杯,P1,,5000,100,200.00,,6,600.00\n"
                    + "2026-03-29,保温杯-拉新,316不锈钢保温杯,P1,保温杯大容量,2000,40,100.00,8,3,250.00\n"
                    + "2026-03-29,保温杯-拉新,316不锈钢保温杯,P1,保温杯男,2000,40,100.00,8,3,250.00\n"
                    + "2026-03-29,保温杯-拉新,316不锈钢保温杯,P1,保温杯女,2000,40,100.00,8,5,500.00\n"
                    + "2026-03-29,保温杯-收割,316不锈钢保温杯,P1,,4000,80,400.00,,10,1000.00\n"
                    + "2026-03-30,保温杯-收割,316不锈钢保温杯,P1,,500,10,20.00,,1,60.00\n")
        let budgets = "日期,推广计划,日限额,撞线时间,渠道\n2026-03-30,保温杯-收割,400.00,\(p ? "14:00" : ""),直通车\n"
        let service = "日期,客服昵称,接待人数,询单人数,付款人数,付款金额,首次响应时长,3分钟回复率\n2026-03-30,小美,120,100,60,6000.00,20,95.00%\n"
            + (p ? "2026-03-30,小王,120,100,30,3000.00,45,95.00%\n" : "2026-03-30,小王,120,100,60,6000.00,20,95.00%\n")
        let reviews = "订单编号,宝贝ID,评价等级,评价内容,评价时间,回复内容\n"
            + (p ? "1107,P1,差评,盖子漏水,2026-03-30 10:00:00,\n1003,P2,中评,一般般,2026-03-26 10:00:00,\n"
                 : "1107,P1,好评,保温效果好,2026-03-30 10:00:00,\n1003,P2,中评,一般般,2026-03-26 10:00:00,已联系买家补发配件\n")
            + "1104,P1,好评,很好用,2026-03-28 10:00:00,\n"
        let competitors = "竞品店铺,竞品宝贝ID,标题,我方宝贝ID,核心竞品,上架日期\n杯具旗舰店,700123,316不锈钢真空保温杯大容量车载,P1,是,2025-12-01\n"
            + "杯具旗舰店,700456,新款高颜值女士保温杯小巧便携,P1,否,\(p ? "2026-03-25" : "2026-01-10")\n"
            + "杯杯小店,800789,\(p ? "儿童保温杯带吸管防摔上学水杯" : "儿童吸管保温杯学生款"),,否,\n"
        let snapshots = "日期,竞品店铺,竞品宝贝ID,价格,活动价,月销量,标题\n2026-03-24,杯具旗舰店,700123,99.00,,1000,316不锈钢真空保温杯大容量车载\n"
            + "2026-03-29,杯具旗舰店,700123,99.00,,\(p ? 1200 : 1050),316不锈钢真空保温杯大容量车载\n"
            + "2026-03-30,杯具旗舰店,700123,99.00,\(p ? "89.00,1400" : "95.00,1100"),316不锈钢真空保温杯大容量车载\n"
            + "2026-03-30,杯杯小店,800789,39.00,,50,\(p ? "儿童保温杯带吸管防摔上学水杯" : "儿童吸管保温杯学生款")\n"
        let ranks = "日期,关键词,宝贝ID,排名\n2026-03-29,保温杯,P1,12\n2026-03-30,保温杯,P1,\(p ? "未找到" : "13")\n"
        var files: [(name: String, kind: String, text: String)] = [
            ("products.csv", "shopify-products", productsCSV), ("orders.csv", "taobao-orders", orders),
            ("items.csv", "taobao-items", items), ("refunds.csv", "taobao-refunds", refunds),
            ("tracking.csv", "tracking-status", tracking), ("stock.csv", "jushuitan-stock", stock),
            ("traffic.csv", "sycm-overview", traffic), ("item-traffic.csv", "sycm-items", itemTraffic), ("ztc.csv", "ztc", ztc),
            ("budgets.csv", "ad-budgets", budgets), ("service.csv", "service", service), ("reviews.csv", "taobao-reviews", reviews),
            ("competitors.csv", "competitor-list", competitors), ("snapshots.csv", "competitor-snapshots", snapshots),
            ("ranks.csv", "keyword-ranks", ranks),
        ]
        // An order sheet that says nothing of shipping: its paid order cannot be judged unshipped.
        if p { files.append(("orders-lite.csv", "taobao-orders", "订单编号,买家实际支付金额,订单付款时间\n1401,100.00,2026-03-30 12:00:00\n")) }
        var commands: [[String]] = [
            ["product", "set", "--store", "acc", "--sku", "A-1", "--hero"],
            ["purchase", "add", "--store", "acc", "--id", "PO-1", "--sku", "A-1", "--quantity", "100", "--ordered", "2026-03-15",
             "--expected", p ? "2026-04-01" : "2026-04-20", "--presale"],
            ["complaint", "add", "--store", "acc", "--id", "TS-1", "--kind", "延迟发货", "--order", p ? "1201" : "1101", "--points", "3",
             "--opened", "2026-03-30 10:00", "--due", "2026-04-01 20:00"],
            ["score", "set", "--store", "acc", "--date", "2026-03-23", "--description", "4.85", "--service", "4.82", "--logistics", "4.80"],
            ["score", "set", "--store", "acc", "--date", "2026-03-30", "--description", p ? "4.81" : "4.85", "--service", "4.82",
             "--logistics", "4.80"],
        ]
        if !p { commands.append(["complaint", "resolve", "--store", "acc", "TS-1"]) }
        return (files, commands)
    }

    /// Builds one of the two stores in a fresh database and returns its checks of 2026-03-30.
    static func build(problems: Bool) async throws -> (findings: [String], notRun: [String]) {
        let cli = try CLI()
        defer { cli.remove() }
        #expect(await cli.run("store", "add", "--id", "acc", "--name", "验收店", "--platform", "taobao").code == 0)
        let (files, commands) = store(problems: problems)
        for file in files {
            let url = cli.directory.appendingPathComponent(file.name)
            try Data(file.text.utf8).write(to: url)
            let date = file.kind == "jushuitan-stock" ? ["--date", "2026-03-30"] : []
            let result = await cli.run(["import", url.path, "--store", "acc", "--kind", file.kind] + date)
            #expect(result.code == 0, "\(file.name): \(result.out) \(result.err)")
        }
        for command in commands {
            let result = await cli.run(command)
            #expect(result.code == 0, "\(command): \(result.err)")
        }
        return try await checks(cli, store: "acc", date: "2026-03-30")
    }

    @Test("a store built only from files and commands fires every kind of check; the same store without the problems, none")
    func everyCheckHasADoor() async throws {
        let problem = try await Self.build(problems: true)
        #expect(problem.notRun.isEmpty, "\(problem.notRun)")
        // Every kind StoreOps has: a new kind without a way in from a file or command fails here.
        let fired = Set(problem.findings.map { String($0.prefix { $0 != " " }) })
        let missing = CheckKind.allCases.map(\.rawValue).filter { !fired.contains($0) }
        #expect(missing.isEmpty, "kinds that did not fire: \(missing)\n\(problem.findings.joined(separator: "\n"))")
        #expect(problem.findings.count == CheckKind.allCases.count, "\(problem.findings.joined(separator: "\n"))")
        // Figures worked out by hand. A-1 sold 38 units at 100.00 in the 14-day cover window: 271.43 a day over the 15 days'
        // lead time is 4,071.45. B-1 has 10 units for 28 sold in 14 days, 5.0 days of cover, 17 short of 15 + 7 at 100.00
        // a day. The budget ran 00:00-14:00 for 600.00 of sales: the 10 h it was off, 428.57. D-1 listed at 200.00 sold
        // at 10.00: 190.00. R-1's three refunds of 80.00. The unshipped order's 100.00.
        for expected in ["sold_out_hero A-1 critical 4071.45", "restock B-1 warning 1700.00",
                         "budget_exhausted 保温杯-收割 warning 428.57", "price_typo D-1 critical 190.00",
                         "sku_refund_rate R-1 warning 240.00", "unshipped_order 1201 critical 100.00"] {
            #expect(problem.findings.contains(expected), "\(expected) in \(problem.findings)")
        }

        let clean = try await Self.build(problems: false)
        #expect(clean.notRun.isEmpty, "\(clean.notRun)")
        #expect(clean.findings.isEmpty, "\(clean.findings.joined(separator: "\n"))")
    }
}
