namespace HanZhao.Recruit.Web.Platform.Forms;

/// <summary>What an &lt;input&gt; of a given type may carry, for views that write inputs of several types.</summary>
public static class InputTypes
{
    /// <summary>
    /// <paramref name="maxLength"/> where HTML defines <c>maxlength</c> (text, search, url, tel, email,
    /// password); null, so Razor leaves the attribute out, on number, month, datetime-local and the rest.
    /// </summary>
    public static int? MaxLength(string? type, int maxLength) =>
        type is null or "text" or "search" or "url" or "tel" or "email" or "password" ? maxLength : null;
}
