"""An officer's first case in a real browser (Chromium through Selenium), against `rectify serve --demo`.

Signs in, finds a unit by three characters of its name, opens its case, records a hazard (first refused, then done),
the unit's rectification report and self-check, a failed and then a passed re-check, and sees the campaign's figures
change; then another officer is refused the case; then a campaign lead opens a campaign as of an earlier date and
follows a bar of its chart to the street's cases. Saves a screenshot of every page in the given folder.

Usage: python3 browser_flow.py BASE_URL QUERY USCC PARTNER SHOTS_DIR
"""
import datetime
import os
import struct
import sys
import zlib

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

PASSWORD = "rectify-demo-2026"
OFFICER, OTHER, LEAD = "320671000013", "320671000014", "320671000015"


def photo(path, width=320, height=200):
    """A PNG that looks like something: a striped test card (no imaging library needed)."""
    rows = b"".join(b"\x00" + b"".join(bytes((180 if (x // 20 + y // 20) % 2 else 60, 90 + y // 4, 40)) for x in range(width))
                    for y in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    with open(path, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                  + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


class Flow:
    def __init__(self, base, shots):
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=zh-CN",
                         "--window-size=1280,900"):
            options.add_argument(argument)
        self.driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        self.base, self.shots, self.count = base.rstrip("/"), shots, 0

    def go(self, path):
        self.driver.get(self.base + path)

    def shot(self, name, width=1280):
        """The whole page, at the given width."""
        self.count += 1
        self.driver.set_window_size(width, 900)
        height = self.driver.execute_script("return document.documentElement.scrollHeight")
        self.driver.set_window_size(width, min(max(height + 120, 600), 12000))
        self.driver.execute_script("window.scrollTo(0, 0)")
        self.driver.save_screenshot(os.path.join(self.shots, f"{self.count:02d}-{name}.png"))
        self.driver.set_window_size(1280, 900)

    def submit(self, button):
        """Clicks a submit button and waits for the page it leads to."""
        page = self.driver.find_element(By.TAG_NAME, "html")
        button.click()
        WebDriverWait(self.driver, 30).until(expected_conditions.staleness_of(page))

    def text(self):
        return self.driver.find_element(By.TAG_NAME, "body").text

    def expect(self, condition, what):
        if not condition:
            self.shot("failed")
            raise AssertionError(f"{what} (at {self.driver.current_url}, title {self.driver.title!r})")

    def sign_in(self, login):
        self.go("/signin")
        self.driver.find_element(By.NAME, "login").send_keys(login)
        self.driver.find_element(By.NAME, "password").send_keys(PASSWORD)
        self.submit(self.driver.find_element(By.CSS_SELECTOR, "form.card button[type=submit]"))
        self.expect(self.driver.title.startswith("工作台"), f"{login} signed in and sees the 工作台")

    def sign_out(self):
        self.submit(self.driver.find_element(By.CSS_SELECTOR, "form.signout button"))
        self.expect("登录" in self.driver.title, "signed out, back at the sign-in page")

    def act(self, act, fields, selects=None):
        """Opens the act's folded form on the case page, fills it in as typed and submits it."""
        form = self.driver.find_element(By.ID, f"act-{act}")
        if form.get_attribute("open") is None:
            form.find_element(By.TAG_NAME, "summary").click()
        for name, value in fields.items():
            field = form.find_element(By.NAME, name)
            if field.get_attribute("type") != "file":
                field.clear()
            field.send_keys(value)
        for name, value in (selects or {}).items():
            Select(form.find_element(By.NAME, name)).select_by_value(value)
        self.submit(form.find_element(By.CSS_SELECTOR, "button[type=submit]"))

    def figures(self, campaign):
        self.go(f"/campaigns/{campaign}")
        pairs = self.driver.find_elements(By.CSS_SELECTOR, "dl.figures div")
        return {pair.find_element(By.TAG_NAME, "dt").text: pair.find_element(By.TAG_NAME, "dd").text for pair in pairs}


def main(base, query, uscc, partner, shots):
    flow = Flow(base, shots)
    try:
        run(flow, query, uscc, partner)
    finally:
        flow.driver.quit()


def run(flow, query, uscc, partner):
    flow.sign_in(OFFICER)
    flow.shot("workbench")
    before = flow.figures("fire-2026")
    flow.expect(before.get("立档", "").isdigit(), f"the campaign page shows its figures: {before}")
    flow.shot("campaign-before")

    flow.go("/units")
    flow.driver.find_element(By.NAME, "q").send_keys(query)
    flow.submit(flow.driver.find_element(By.CSS_SELECTOR, "form.search button"))
    flow.shot("units-found")
    flow.submit(flow.driver.find_element(By.CSS_SELECTOR, f'a[href="/units/{uscc}"]'))
    flow.shot("unit")
    flow.act("open", {}, {"campaign": "fire-2026", "partner": partner})
    flow.expect("/cases/fire-2026-" in flow.driver.current_url, "立档 leads to the new case's page")
    case_url = flow.driver.current_url.split("#")[0]
    flow.shot("case-opened")

    deadline = (datetime.date.today() + datetime.timedelta(days=10)).isoformat()
    flow.act("hazard", {"description": "疏散通道堆放纸箱", "deadline": "2026-13-40"}, {"item": "XF02"})
    flow.expect("应为真实日期" in flow.text() and "疏散通道堆放纸箱" in flow.driver.page_source,
                "a bad deadline is refused at its field, the description kept")
    flow.shot("hazard-refused")
    flow.act("hazard", {"deadline": deadline})
    flow.expect(flow.driver.current_url.split("#")[0] == case_url and "疏散通道堆放纸箱" in flow.text(), "the hazard is on the case")
    flow.shot("hazard-added")

    picture = os.path.join(flow.shots, "现场照片.png")
    photo(picture)
    flow.act("attach", {"file": picture}, {"hazard": "1"})
    flow.expect(flow.driver.find_elements(By.CSS_SELECTOR, "ul.thumbs img"), "the uploaded photo shows as a thumbnail")
    flow.shot("photo-attached")
    os.remove(picture)

    flow.act("rectified", {"measures": "纸箱已清走"})
    flow.act("selfcheck", {"checkedBy": "店长", "findings": "通道已清理", "pledge": "保持通道畅通"})
    flow.act("recheck", {"opinion": "通道仍有杂物"}, {"verdict-1": "not-fixed"})
    flow.expect("复查未通过" in flow.text() or "待整改" in flow.text(), "the failed re-check sends the hazard back")
    flow.shot("recheck-failed")
    flow.act("rectified", {"measures": "通道彻底清空并划线"})
    flow.act("recheck", {"opinion": "已整改到位"}, {"verdict-1": "fixed"})
    flow.expect("复查已销号" in flow.text(), "the passed re-check closes the hazard")
    flow.shot("recheck-passed")
    flow.shot("case-on-a-phone", width=390)

    after = flow.figures("fire-2026")
    flow.shot("campaign-after")
    for column, change in (("立档", 1), ("完成复查", 1), ("通过验收", 1)):
        flow.expect(int(after[column]) == int(before[column]) + change,
                    f"{column}: {before[column]} → {after[column]}, expected +{change}")
    found = lambda figures: int(figures["一般隐患"]) + int(figures["重大隐患"])
    flow.expect(found(after) == found(before) + 1, f"one more hazard found: {found(before)} → {found(after)}")

    flow.sign_out()
    flow.sign_in(OTHER)
    flow.driver.get(case_url)
    flow.expect(flow.driver.title.startswith("无权查看") and "不是您承办的案件" in flow.text(),
                "another officer is refused the case")
    flow.shot("other-officer-refused")

    # A campaign lead's page as of an earlier date, and a bar of its chart followed to the street's cases.
    flow.sign_out()
    flow.sign_in(LEAD)
    flow.go("/campaigns/se-2026")
    field = flow.driver.find_element(By.NAME, "asOf")
    field.clear()
    field.send_keys("2026-06-30")
    flow.submit(flow.driver.find_element(By.CSS_SELECTOR, "form.search button"))
    flow.expect("截至2026年6月30日" in flow.text(), "the campaign page stands as of the date chosen")
    flow.expect(len(flow.driver.find_elements(By.CSS_SELECTOR, "svg.chart")) >= 3, "the charts are drawn")
    flow.shot("campaign-as-of")
    bar = flow.driver.find_element(By.CSS_SELECTOR, "svg.chart a")
    street = bar.find_element(By.TAG_NAME, "text").text
    flow.go(flow.driver.execute_script("return arguments[0].getAttribute('href')", bar))
    flow.expect("/cases?" in flow.driver.current_url and street in flow.text(), f"the bar of {street} leads to its cases")
    flow.shot("campaign-street-cases")


if __name__ == "__main__":
    main(*sys.argv[1:6])
