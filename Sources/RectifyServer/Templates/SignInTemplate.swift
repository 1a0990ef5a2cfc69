enum SignInTemplate {
    static let text = #"""
    <form class="card" method="post" action="/signin">
    {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
    <label>登录名（执法证号）<input name="login" value="{{login}}" autocomplete="username" required></label>
    <label>密码<input name="password" type="password" autocomplete="current-password" required></label>
    <button type="submit">登录</button>
    </form>
    """#
}
