using HanZhao.Recruit.Data.Content;

namespace HanZhao.Recruit.Web.Demo;

/// <summary>
/// --demo's lab members, so /people and the homepage's section can be seen: plainly fictional
/// ("Demo Student A"), never a real person of the lab (the professor adds those in the editor).
/// </summary>
public static class DemoLabMembers
{
    public static IReadOnlyList<LabMember> Create(DateTime nowUtc)
    {
        var year = nowUtc.Year;
        return
        [
            Member(0, "Demo Student A", "演示学生甲", LabRole.PhdStudent, year - 3, new("Demo topic: GPU cluster scheduling", "演示方向：GPU 集群调度"), nowUtc),
            Member(1, "Demo Student B", "演示学生乙", LabRole.PhdStudent, year - 1, new("Demo topic: serverless inference", "演示方向：无服务器推理"), nowUtc),
            Member(2, "Demo Student C", "演示学生丙", LabRole.MasterStudent, year - 1, new("Demo topic: deep learning compilers", "演示方向：深度学习编译器"), nowUtc),
            Alumnus(Member(3, "Demo Alumnus D", "演示校友丁", LabRole.MasterStudent, year - 4, new("Demo topic: storage systems", "演示方向：存储系统"), nowUtc), year - 1),
        ];
    }

    private static LabMember Alumnus(LabMember member, int endYear)
    {
        (member.EndYear, member.Destination) = (endYear, new LocalizedText("Demo Company (fictional)", "演示公司（虚构）"));
        return member;
    }

    private static LabMember Member(int order, string name, string chineseName, LabRole role, int start, LocalizedText topic, DateTime nowUtc) =>
        new() { Name = name, ChineseName = chineseName, Role = role, StartYear = start, Topic = topic, SortOrder = order, UpdatedAtUtc = nowUtc };
}
