from tests.browser.conftest import axe_check, login


def test_login_page_works_in_a_real_browser_and_is_accessible(live_server, page, make_user):
    username, password = make_user("curator")
    page.goto(f"{live_server}/login")
    axe_check(page)
    login(page, live_server, username, password)
    assert f"Logged in as {username}" in page.content()
