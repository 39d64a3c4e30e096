using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Web.Platform.Localization;

namespace HanZhao.Recruit.Web.Review.Templates;

/// <summary>
/// The built-in emails of the official milestones, one per step and language, written (not
/// translated word by word) like <see cref="DefaultTemplates"/>. Besides {name}, {reference},
/// {program} and {intake} they take {date} (the day of the step) and {deadline} (a 待录取 notice's,
/// in Shanghai time).
/// </summary>
public static class MilestoneTemplates
{
    public static readonly IReadOnlyList<string> Placeholders = [.. DefaultTemplates.Placeholders, "{date}", "{deadline}"];

    private static readonly Dictionary<(MilestoneKind, string), TemplateText> Texts = new()
    {
        [(MilestoneKind.OfficialApplication, Cultures.English)] = new(
            "Official application recorded: {reference}",
            """
            Dear {name},

            We have recorded that your official application for the {program} program, {intake} intake (the registration in the national 推免 system or the university's own application), was submitted on {date}. Please keep us informed of the next official steps.

            With best regards,
            Han Zhao
            """),
        [(MilestoneKind.InterviewPassed, Cultures.English)] = new(
            "You passed the interview: application {reference}",
            """
            Dear {name},

            Congratulations! We have recorded that on {date} you passed the school's interview (复试) for the {program} program, {intake} intake. The next step is the school's 待录取 (pending admission) notice.

            With best regards,
            Han Zhao
            """),
        [(MilestoneKind.PendingAdmission, Cultures.English)] = new(
            "待录取 notice: please accept by {deadline}",
            """
            Dear {name},

            On {date} the school sent you a 待录取 (pending admission) notice for the {program} program, {intake} intake. Please accept it in the official system by {deadline}: after that moment the place may go to someone else. Your applicant page shows the time left.

            With best regards,
            Han Zhao
            """),
        [(MilestoneKind.PendingAdmissionAccepted, Cultures.English)] = new(
            "You accepted the 待录取 notice: application {reference}",
            """
            Dear {name},

            We have recorded that on {date} you accepted the 待录取 notice for the {program} program, {intake} intake. The formal admission follows.

            With best regards,
            Han Zhao
            """),
        [(MilestoneKind.Admitted, Cultures.English)] = new(
            "Admitted: welcome to the group ({reference})",
            """
            Dear {name},

            You have been formally admitted to the {program} program, {intake} intake (recorded on {date}). Welcome to the group! We will write to you about what comes before enrollment.

            With best regards,
            Han Zhao
            """),
        [(MilestoneKind.AcceptedElsewhere, Cultures.English)] = new(
            "Your place elsewhere: application {reference}",
            """
            Dear {name},

            We have recorded that on {date} you accepted a place elsewhere, so your application to the {program} program ({intake} intake) goes no further. Thank you for letting us know, and all the best for your studies.

            With best regards,
            Han Zhao
            """),
        [(MilestoneKind.OfficialApplication, Cultures.Chinese)] = new(
            "已记录您的正式申请：{reference}",
            """
            {name} 您好：

            我们已记录您于 {date} 完成了 {intake} 批次{program}项目的正式申请（全国推免服务系统报名或学校的申请）。后续官方环节有进展时，请及时告诉我们。

            祝好！
            赵涵
            """),
        [(MilestoneKind.InterviewPassed, Cultures.Chinese)] = new(
            "复试通过：申请 {reference}",
            """
            {name} 您好：

            祝贺您！我们已记录您于 {date} 通过了 {intake} 批次{program}项目的复试。下一步是学校发出的待录取通知。

            祝好！
            赵涵
            """),
        [(MilestoneKind.PendingAdmission, Cultures.Chinese)] = new(
            "待录取通知：请于 {deadline} 前确认接受",
            """
            {name} 您好：

            学校已于 {date} 向您发出 {intake} 批次{program}项目的待录取通知。请在 {deadline} 之前在官方系统中确认接受，逾期名额可能转给他人。您的申请页面会显示剩余时间。

            祝好！
            赵涵
            """),
        [(MilestoneKind.PendingAdmissionAccepted, Cultures.Chinese)] = new(
            "已接受待录取通知：申请 {reference}",
            """
            {name} 您好：

            我们已记录您于 {date} 接受了 {intake} 批次{program}项目的待录取通知，接下来将进行正式录取。

            祝好！
            赵涵
            """),
        [(MilestoneKind.Admitted, Cultures.Chinese)] = new(
            "正式录取：欢迎加入课题组（{reference}）",
            """
            {name} 您好：

            您已被正式录取为 {intake} 批次{program}项目的研究生（记录于 {date}）。欢迎加入课题组！入学前的安排我们会另行通知。

            祝好！
            赵涵
            """),
        [(MilestoneKind.AcceptedElsewhere, Cultures.Chinese)] = new(
            "关于您在其他单位的录取：申请 {reference}",
            """
            {name} 您好：

            我们已记录您于 {date} 接受了其他单位的录取，您对 {intake} 批次{program}项目的申请将不再继续。感谢您告知，祝您学业顺利。

            祝好！
            赵涵
            """),
    };

    /// <summary>The built-in template of a step in a language (anything unsupported is English).</summary>
    public static TemplateText For(MilestoneKind kind, string culture) => Texts[(kind, DefaultTemplates.Normalize(culture))];
}
