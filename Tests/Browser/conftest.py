"""Headless Chromium for the browser tests; scripts/test starts the server and sets ONEWINDOW_URL."""
import os
import pathlib

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service


@pytest.fixture(scope="session")
def base_url():
    return os.environ.get("ONEWINDOW_URL", "http://127.0.0.1:8080").rstrip("/")


@pytest.fixture(scope="session")
def artifacts():
    path = pathlib.Path(os.environ.get("ONEWINDOW_ARTIFACTS", "test-artifacts"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def chromium(width=1280, height=1000):
    """A headless Chromium in Chinese, from the Debian packages (Selenium must not download one)."""
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     f"--window-size={width},{height}", "--lang=zh-CN"):
        options.add_argument(argument)
    return webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))


@pytest.fixture()
def browser():
    driver = chromium()
    driver.implicitly_wait(5)
    yield driver
    driver.quit()
