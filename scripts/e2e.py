#!/usr/bin/env python3
"""The workbench's morning routine in headless chromium (selenium): sign in as a Chinese browser, read the overview
and the briefing, record the checks' findings as tasks and close one, upload a real export and read its
diagnostics, switch to English, sign out. Saves a screenshot of every page at desktop and phone widths.
Exits non-zero with the failed step on any mismatch."""
import argparse
import os
import sys
import time

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

SIZES = {"desktop": (1280, 900), "phone": (390, 844)}
StorePages = ["ads", "products", "service", "aftersales", "reviews", "competitors", "weekly", "monthly", "plan", "kpi",
              "activities", "settings", "messages"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--sample", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=zh-CN"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"intl.accept_languages": "zh-CN,zh"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(60)
    wait = WebDriverWait(driver, 30)
    step = "start"
    errors = []

    def shoot(name):
        for label, (width, height) in SIZES.items():
            driver.set_window_size(width, height)
            time.sleep(0.2)
            driver.save_screenshot(os.path.join(args.out, f"{name}-{label}.png"))
        driver.set_window_size(*SIZES["desktop"])

    def expect(condition, what):
        if not condition:
            raise AssertionError(f"{step}: {what} (at {driver.current_url})")

    def body():
        # A page that is being replaced (after a click that submits a form) has no body to read for a moment.
        for _ in range(50):
            try:
                return driver.find_element(By.TAG_NAME, "body").text
            except StaleElementReferenceException:
                time.sleep(0.1)
        return driver.find_element(By.TAG_NAME, "body").text

    def browser_errors():
        # Any script error or refused resource (a CSP violation) in the page's console fails the step.
        try:
            entries = driver.get_log("browser")
        except Exception:
            return
        for entry in entries:
            message = entry.get("message", "")
            # Answers the routine expects (401 for the wrong password, 422 for the rejected upload) are not errors.
            if "the server responded with a status of 4" in message or "favicon" in message:
                continue
            if entry.get("level") == "SEVERE":
                errors.append(f"{step}: {entry['message']}")

    try:
        step = "sign-in page"
        driver.set_window_size(*SIZES["desktop"])
        driver.get(args.base + "/overview")
        expect("/signin" in driver.current_url, "an unsigned visit goes to the sign-in page")
        expect("登录 StoreOps" in body(), "the sign-in page speaks Chinese to a Chinese browser")
        shoot("01-signin")

        step = "wrong password"
        driver.find_element(By.ID, "user").send_keys(args.user)
        driver.find_element(By.ID, "password").send_keys("not-the-password")
        driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "p.error")))
        expect("用户名或密码错误" in body(), "a wrong password is said so")

        step = "sign in"
        driver.find_element(By.ID, "user").send_keys(args.user)
        driver.find_element(By.ID, "password").send_keys(args.password)
        driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        wait.until(EC.url_contains("/overview"))
        expect("店铺总览" in body() and "棉麻时光女装店" in body(), "the overview lists the demo store")
        browser_errors()
        shoot("02-overview")

        step = "briefing"
        driver.find_element(By.LINK_TEXT, "棉麻时光女装店").click()
        wait.until(EC.url_contains("/briefing"))
        expect("日报" in body() and len(driver.find_elements(By.CSS_SELECTOR, "svg")) >= 1, "the briefing with its charts")
        browser_errors()
        shoot("03-briefing")

        step = "master table"
        driver.find_element(By.LINK_TEXT, "总表").click()
        wait.until(EC.url_contains("/table"))
        expect(len(driver.find_elements(By.CSS_SELECTOR, "table.master tbody tr")) >= 28, "30 days of the master table")
        shoot("04-table")

        for number, (link, heading) in enumerate([("推广", "关键词建议"), ("商品与库存", "商品与库存"), ("客服", "客服"), ("售后", "售后"),
                                                  ("评价与评分", "评价与评分"), ("竞品", "竞品"), ("周报", "周报"), ("月报", "月报"),
                                                  ("年度计划", "年度计划"), ("绩效", "绩效"), ("活动", "活动"), ("设置", "检查阈值"),
                                                  ("消息与定时", "每日自动运行")]):
            step = f"page {link}"
            driver.find_element(By.CSS_SELECTOR, "nav.store").find_element(By.LINK_TEXT, link).click()
            wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "nav.store a.current")))
            expect(driver.find_element(By.CSS_SELECTOR, "nav.store a.current").text == link, "the page's own link is marked")
            expect(heading in body(), f"the {link} page")
            browser_errors()
            shoot(f"04{chr(ord('a') + number)}-{StorePages[number]}")

        step = "checks and tasks"
        driver.find_element(By.CSS_SELECTOR, "nav.store").find_element(By.LINK_TEXT, "检查与任务").click()
        wait.until(EC.url_contains("/checks"))
        driver.find_element(By.XPATH, "//button[text()='把发现记为任务']").click()
        wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".board .card")))
        cards = len(driver.find_elements(By.CSS_SELECTOR, ".board .card"))
        expect(cards > 0, "the findings became tasks on the board")
        driver.find_element(By.CSS_SELECTOR, ".board .card form.inline button").click()
        wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "ul.done li")))
        expect(len(driver.find_elements(By.CSS_SELECTOR, ".board .card")) == cards - 1, "one task closed")
        expect("重新打开" in body(), "a closed task can be reopened")
        browser_errors()
        shoot("05-checks")

        step = "team"
        driver.find_element(By.CSS_SELECTOR, "header.top nav").find_element(By.LINK_TEXT, "团队").click()
        wait.until(EC.url_contains("/team"))
        expect("团队与角色" in body() and "demo" in body(), "the demo admin's team")
        shoot("05b-team")
        driver.back()

        step = "upload"
        driver.find_element(By.LINK_TEXT, "导入").click()
        wait.until(EC.url_contains("/imports"))
        driver.find_element(By.ID, "files").send_keys(os.path.abspath(args.sample))
        driver.find_element(By.CSS_SELECTOR, "#upload button[type=submit]").click()
        wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#results .result table")))
        result = driver.find_element(By.ID, "results").text
        expect("orders.csv" in result and "未导入" in result, "the upload's result")
        expect("订单编号" in result and "21407300627014900" in result, "its diagnostic: line, column and value")
        browser_errors()
        shoot("06-imports")

        step = "language"
        driver.find_element(By.LINK_TEXT, "English").click()
        wait.until(EC.url_contains("lang=en"))
        expect("Import data" in body(), "the page in English")
        driver.get(args.base + "/overview")
        expect("Stores overview" in body(), "English is remembered")
        shoot("07-overview-en")

        step = "sign out"
        driver.find_element(By.CSS_SELECTOR, "form.signout button").click()
        wait.until(EC.url_contains("/signin"))
        driver.get(args.base + "/overview")
        expect("/signin" in driver.current_url, "signed out: the overview asks to sign in again")
        browser_errors()
    except (AssertionError, WebDriverException) as error:
        driver.save_screenshot(os.path.join(args.out, "failure.png"))
        print(f"end-to-end FAILED at {step}: {error}", file=sys.stderr)
        print(body()[:2000], file=sys.stderr)
        driver.quit()
        return 1
    driver.quit()
    if errors:
        print("end-to-end FAILED: the browser reported errors:\n" + "\n".join(errors), file=sys.stderr)
        return 1
    print(f"end-to-end passed: {len(os.listdir(args.out))} screenshots in {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
