namespace HanZhao.Recruit.Web.Platform.Localization;

/// <summary>
/// Marker for the site's strings. Keys are the English text; <c>SharedResource.zh-CN.resx</c> beside it
/// holds the Chinese.
/// </summary>
public sealed class SharedResource;
