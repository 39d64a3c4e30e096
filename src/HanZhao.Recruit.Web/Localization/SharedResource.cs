namespace HanZhao.Recruit.Web.Localization;

/// <summary>
/// Marker for the site's strings. Keys are the English text; <c>Resources/Localization/SharedResource.zh-CN.resx</c>
/// holds the Chinese.
/// </summary>
public sealed class SharedResource;
