using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Content;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.PublicSite.People;

/// <summary>/people and the homepage's section: current members by role, then alumni by the year they left.</summary>
public sealed record PeoplePage(IReadOnlyList<IGrouping<LabRole, LabMember>> Current, IReadOnlyList<IGrouping<int, LabMember>> Alumni)
{
    public bool IsEmpty => Current.Count == 0 && Alumni.Count == 0;
}

/// <summary>A lab member's names, to mark them among a paper's authors.</summary>
public sealed record LabMemberName(string Name, string ChineseName, bool IsAlumnus);

/// <summary>Reads the lab's members for the public pages (read-only, no tracking; output-cached on top).</summary>
public sealed class LabDirectory(RecruitDbContext db)
{
    public async Task<PeoplePage> GetPageAsync(CancellationToken cancellationToken)
    {
        var members = await Ordered().Include(m => m.Photo).ToListAsync(cancellationToken);
        var current = members.Where(m => !m.IsAlumnus).GroupBy(m => m.Role).OrderBy(g => g.Key).ToList();
        var alumni = members.Where(m => m.IsAlumnus).GroupBy(m => m.EndYear!.Value).OrderByDescending(g => g.Key).ToList();
        return new PeoplePage(current, alumni);
    }

    /// <summary>Every member's names, current and alumni (a paper written while in the lab stays theirs).</summary>
    public async Task<IReadOnlyList<LabMemberName>> NamesAsync(CancellationToken cancellationToken) =>
        [.. (await Ordered().ToListAsync(cancellationToken)).Select(m => new LabMemberName(m.Name, m.ChineseName, m.IsAlumnus))];

    private IQueryable<LabMember> Ordered() =>
        db.LabMembers.AsNoTracking().OrderBy(m => m.SortOrder).ThenBy(m => m.Id);
}
