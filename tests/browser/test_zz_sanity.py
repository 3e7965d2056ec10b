from tests.browser.axe import axe_violations, format_violations

def test_axe_vindt_iets(page):
    page.set_content('<html><body><img src="x.png"><a href="#"></a><p style="color:#eee">licht</p></body></html>')
    v = axe_violations(page)
    print(format_violations(v, "x"))
    assert v
