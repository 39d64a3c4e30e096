namespace HanZhao.Recruit.Web.Platform.Forms;

/// <summary>
/// A request that cannot be used as sent and has no form to show again (a garbled list of ticked
/// applications): why (<see cref="Message"/>, an English key), and the way back. Shown by
/// <see cref="ViewResults.RefusedRequest"/> as 400.
/// </summary>
public sealed record RefusedRequest(string Message, string BackUrl, string BackText);
