namespace HanZhao.Recruit.Web.Platform.Localization;

public static class Cultures
{
    public const string English = "en";
    public const string Chinese = "zh-CN";

    public static IReadOnlyList<string> Supported { get; } = [English, Chinese];

    public static bool IsSupported(string? culture) =>
        culture is not null && Supported.Contains(culture, StringComparer.OrdinalIgnoreCase);
}
