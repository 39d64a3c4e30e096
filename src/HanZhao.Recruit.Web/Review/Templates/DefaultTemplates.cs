using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Web.Platform.Localization;

namespace HanZhao.Recruit.Web.Review.Templates;

/// <summary>A subject and a plain-text body with {name}, {reference}, {program} and {intake}.</summary>
public sealed record TemplateText(string Subject, string Body);

/// <summary>
/// The built-in emails, used wherever the professor has not saved a template of their own
/// ("restore default" deletes that row). Kept in code rather than in the resource file: they are
/// whole messages, edited as such, and the Chinese is written, not translated word by word.
/// </summary>
public static class DefaultTemplates
{
    public static readonly IReadOnlyList<string> Placeholders = ["{name}", "{reference}", "{program}", "{intake}"];

    private static readonly Dictionary<(ApplicationStatus, string), TemplateText> Texts = new()
    {
        [(ApplicationStatus.UnderReview, Cultures.English)] = new(
            "Your application {reference} is under review",
            """
            Dear {name},

            Thank you for applying to the {program} program ({intake} intake) in Han Zhao's group. Your application {reference} is now under review. We will write to you again as soon as there is news.

            With best regards,
            Han Zhao
            """),
        [(ApplicationStatus.Interview, Cultures.English)] = new(
            "Interview invitation: application {reference}",
            """
            Dear {name},

            We enjoyed reading your application {reference} to the {program} program ({intake} intake) and would like to invite you to an interview. We will contact you shortly to agree on a time; if you have constraints, please reply to this email.

            With best regards,
            Han Zhao
            """),
        [(ApplicationStatus.Offer, Cultures.English)] = new(
            "Offer: application {reference}",
            """
            Dear {name},

            I am pleased to offer you a place in my group for the {program} program, {intake} intake. Congratulations! Please reply to this email to tell us whether you accept the offer. Formal admission follows the university's procedures.

            With best regards,
            Han Zhao
            """),
        [(ApplicationStatus.Accepted, Cultures.English)] = new(
            "Welcome to the group: application {reference}",
            """
            Dear {name},

            Thank you for accepting our offer for the {program} program ({intake} intake). We are delighted that you will join us, and will be in touch about the next steps.

            With best regards,
            Han Zhao
            """),
        [(ApplicationStatus.Declined, Cultures.English)] = new(
            "Your answer to our offer: application {reference}",
            """
            Dear {name},

            We have recorded that you declined our offer for the {program} program ({intake} intake). Thank you for letting us know; we wish you every success.

            With best regards,
            Han Zhao
            """),
        [(ApplicationStatus.Rejected, Cultures.English)] = new(
            "Your application {reference}",
            """
            Dear {name},

            Thank you for your interest in Han Zhao's group and for the time you put into your application to the {program} program ({intake} intake). After careful consideration, we are unable to offer you a place this time. We wish you every success in your studies and future work.

            With best regards,
            Han Zhao
            """),
        [(ApplicationStatus.UnderReview, Cultures.Chinese)] = new(
            "您的申请 {reference} 正在审核中",
            """
            {name} 您好：

            感谢您申请赵涵课题组 {intake} 批次的{program}项目。您的申请 {reference} 已进入审核阶段，一有进展我们会再与您联系。

            祝好！
            赵涵
            """),
        [(ApplicationStatus.Interview, Cultures.Chinese)] = new(
            "面试邀请：申请 {reference}",
            """
            {name} 您好：

            我们认真阅读了您申请 {intake} 批次{program}项目的材料（申请编号 {reference}），诚邀您参加面试。我们会尽快与您联系确定时间；如您在时间上有限制，请直接回复本邮件。

            祝好！
            赵涵
            """),
        [(ApplicationStatus.Offer, Cultures.Chinese)] = new(
            "拟录取通知：申请 {reference}",
            """
            {name} 您好：

            很高兴通知您，我愿意接收您加入课题组攻读 {intake} 批次的{program}项目，祝贺您！请回复本邮件告知您是否接受。正式录取以学校的相关程序为准。

            祝好！
            赵涵
            """),
        [(ApplicationStatus.Accepted, Cultures.Chinese)] = new(
            "欢迎加入课题组：申请 {reference}",
            """
            {name} 您好：

            感谢您接受 {intake} 批次{program}项目的录取意向。我们非常高兴您将加入课题组，后续安排会另行通知。

            祝好！
            赵涵
            """),
        [(ApplicationStatus.Declined, Cultures.Chinese)] = new(
            "已收到您的答复：申请 {reference}",
            """
            {name} 您好：

            我们已记录您谢绝了 {intake} 批次{program}项目的录取意向。感谢您告知，祝您一切顺利。

            祝好！
            赵涵
            """),
        [(ApplicationStatus.Rejected, Cultures.Chinese)] = new(
            "关于您的申请 {reference}",
            """
            {name} 您好：

            感谢您对赵涵课题组的关注，以及为申请 {intake} 批次{program}项目所付出的时间。经过慎重考虑，很遗憾我们这次无法为您提供名额。祝您学业顺利、前程似锦。

            祝好！
            赵涵
            """),
    };

    /// <summary>The built-in template, or null for a status that sends no email (Submitted, Draft, Withdrawn).</summary>
    public static TemplateText? For(ApplicationStatus status, string culture) =>
        Texts.GetValueOrDefault((status, Normalize(culture)));

    /// <summary>"zh-cn" and "zh-CN" are the same language; anything unsupported is written in English.</summary>
    public static string Normalize(string? culture) =>
        Cultures.Supported.FirstOrDefault(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase)) ?? Cultures.English;
}
