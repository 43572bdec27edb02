"""A base class for Appium screen objects (Module 14, Lesson 5).

Copy this file into your test project (for example as screens/base_screen.py) and subclass it:

    class CatalogScreen(BaseScreen):
        TITLE = {"android": (AppiumBy.ID, "com.saucelabs.mydemoapp.android:id/productTV"),
                 "ios": (AppiumBy.ACCESSIBILITY_ID, "Catalog-screen")}

A locator is either a (strategy, value) tuple used on every platform, or a dictionary with an
"android" and an "ios" entry. The helpers wait explicitly; there is no time.sleep in this file.
Needs: Appium-Python-Client 5 or later.
"""
from __future__ import annotations

from appium.webdriver.common.appiumby import AppiumBy
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.actions import interaction
from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.common.actions.pointer_input import PointerInput
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

Locator = tuple[str, str]


class BaseScreen:
    """Shared waits and gestures. Subclasses add locators and user-level methods."""

    def __init__(self, driver, timeout: float = 15):
        self.driver = driver
        self.timeout = timeout
        self.wait = WebDriverWait(driver, timeout)
        self.platform = str(driver.capabilities.get("platformName", "")).lower()

    # ---- locators ---------------------------------------------------------------------------
    def _loc(self, locator: Locator | dict) -> Locator:
        if isinstance(locator, dict):
            try:
                return locator[self.platform]
            except KeyError:
                raise KeyError(f"{type(self).__name__}: no {self.platform!r} locator in {locator}") from None
        return locator

    # ---- finding and acting -----------------------------------------------------------------
    def find(self, locator):
        return self.wait.until(EC.presence_of_element_located(self._loc(locator)))

    def visible(self, locator):
        return self.wait.until(EC.visibility_of_element_located(self._loc(locator)))

    def tap(self, locator) -> None:
        self.wait.until(EC.element_to_be_clickable(self._loc(locator))).click()

    def type_text(self, locator, text: str, hide_keyboard: bool = True) -> None:
        field = self.visible(locator)
        field.clear()
        if text:                      # an empty string only clears the field
            field.send_keys(text)
        if hide_keyboard and self.driver.is_keyboard_shown():
            self.driver.hide_keyboard()

    def text_of(self, locator) -> str:
        return self.visible(locator).text

    # ---- waiting ----------------------------------------------------------------------------
    def wait_for_text(self, locator, text: str) -> None:
        self.wait.until(EC.text_to_be_present_in_element(self._loc(locator), text))

    def wait_until_gone(self, locator) -> None:
        """For spinners and progress bars: wait until the element is invisible or removed."""
        self.wait.until(EC.invisibility_of_element_located(self._loc(locator)))

    def is_shown(self, locator, seconds: float = 3) -> bool:
        try:
            WebDriverWait(self.driver, seconds).until(EC.visibility_of_element_located(self._loc(locator)))
            return True
        except TimeoutException:
            return False

    # ---- gestures ---------------------------------------------------------------------------
    def swipe(self, direction: str, percent: float = 0.7, element=None) -> None:
        """Swipe 'up', 'down', 'left' or 'right' across an element or the middle of the screen."""
        if self.platform == "ios":
            args = {"direction": direction}
            if element is not None:
                args["elementId"] = element.id
            self.driver.execute_script("mobile: swipe", args)
            return
        args = {"direction": direction, "percent": percent}
        if element is not None:
            args["elementId"] = element.id
        else:
            size = self.driver.get_window_size()
            args.update(left=int(size["width"] * 0.1), top=int(size["height"] * 0.2),
                        width=int(size["width"] * 0.8), height=int(size["height"] * 0.6))
        self.driver.execute_script("mobile: swipeGesture", args)

    def scroll_until_shown(self, locator, max_scrolls: int = 10, direction: str = "down") -> object:
        """Scroll until the element is visible, at most max_scrolls times, then return it."""
        for _ in range(max_scrolls + 1):
            if self.is_shown(locator, seconds=1):
                return self.driver.find_element(*self._loc(locator))
            finger_moves = {"down": "up", "up": "down", "left": "right", "right": "left"}
            self.swipe(finger_moves[direction])  # to scroll down, the finger moves up
        raise AssertionError(f"{self._loc(locator)} not visible after {max_scrolls} scrolls {direction}")

    def android_scroll_to_text(self, text: str):
        """Android only: UiAutomator scrolls the first scrollable container until the text appears."""
        selector = ('new UiScrollable(new UiSelector().scrollable(true))'
                    f'.scrollIntoView(new UiSelector().text("{text}"))')
        return self.wait.until(EC.presence_of_element_located((AppiumBy.ANDROID_UIAUTOMATOR, selector)))

    def long_press(self, locator, seconds: float = 1.0) -> None:
        element = self.visible(locator)
        if self.platform == "ios":
            self.driver.execute_script("mobile: touchAndHold", {"elementId": element.id, "duration": seconds})
        else:
            self.driver.execute_script("mobile: longClickGesture",
                                       {"elementId": element.id, "duration": int(seconds * 1000)})

    def draw_path(self, element, fractions: list[tuple[float, float]], pause: float = 0.1) -> None:
        """Draw through points given as fractions (0..1) of the element's width and height."""
        r = element.rect
        points = [(int(r["x"] + r["width"] * fx), int(r["y"] + r["height"] * fy)) for fx, fy in fractions]
        finger = PointerInput(interaction.POINTER_TOUCH, "finger")
        actions = ActionBuilder(self.driver, mouse=finger)
        actions.pointer_action.move_to_location(*points[0]).pointer_down()
        for x, y in points[1:]:
            actions.pointer_action.pause(pause).move_to_location(x, y)
        actions.pointer_action.release()
        actions.perform()

    # ---- evidence ---------------------------------------------------------------------------
    def save_evidence(self, name: str, folder: str = "artifacts") -> None:
        """Screenshot and page source, for a failing step or a bug report."""
        import pathlib

        out = pathlib.Path(folder)
        out.mkdir(exist_ok=True)
        self.driver.get_screenshot_as_file(str(out / f"{name}.png"))
        (out / f"{name}.xml").write_text(self.driver.page_source, encoding="utf-8")
