/// The frame of every page: the header with who is signed in, and the page's content. Mustache escapes every `{{…}}`.
enum LayoutTemplate {
    static let text = #"""
    <!DOCTYPE html>
    <html lang="zh-CN">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{title}} · Rectify 专项整治</title>
    <link rel="stylesheet" href="/static/app.css">
    </head>
    <body>
    <header class="bar">
    <a class="brand" href="/">Rectify 专项整治</a>
    {{#person}}
    <nav><a href="/">工作台</a><a href="/cases">案件</a><a href="/units">单位</a><a href="/campaigns">专项整治</a>{{#seesFilings}}<a href="/filings">报送接收</a>{{/seesFilings}}</nav>
    <form class="signout" method="post" action="/signout"><input type="hidden" name="_csrf" value="{{csrf}}">
    <span>{{name}}（{{roleLabel}}）</span><button type="submit">退出</button></form>
    {{/person}}
    </header>
    <main>
    <h1>{{title}}</h1>
    {{{content}}}
    </main>
    </body>
    </html>
    """#
}
