using System.Globalization;

namespace HanZhao.Recruit.Web.Platform.Localization;

/// <summary>
/// Writes in another language for a moment: an email goes out in the recipient's language,
/// whatever language the request that causes it is in.
/// </summary>
public sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    private CultureScope(string culture)
    {
        var info = CultureInfo.GetCultureInfo(Cultures.IsSupported(culture) ? culture : Cultures.English);
        CultureInfo.CurrentCulture = info;
        CultureInfo.CurrentUICulture = info;
    }

    public static CultureScope Use(string culture) => new(culture);

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
