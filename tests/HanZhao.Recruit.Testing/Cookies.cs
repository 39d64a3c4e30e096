using Microsoft.Net.Http.Headers;
using Xunit;

namespace HanZhao.Recruit.Testing;

public static class Cookies
{
    /// <summary>The Set-Cookie header of the named cookie, or null.</summary>
    public static string? SetCookie(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(HeaderNames.SetCookie, out var values)
            ? values.FirstOrDefault(v => v.StartsWith(name + "=", StringComparison.Ordinal))
            : null;

    /// <summary>Asserts the cookie was set Secure, HttpOnly and with the given SameSite mode.</summary>
    public static void AssertProtectedCookie(this HttpResponseMessage response, string name, string sameSite)
    {
        var cookie = response.SetCookie(name);
        Assert.NotNull(cookie);
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=" + sameSite, cookie, StringComparison.OrdinalIgnoreCase);
    }
}
