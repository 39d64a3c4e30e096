using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Queries;

namespace HanZhao.Recruit.Web.Settings.Content.People;

/// <summary>The members in the professor's order (current first, then alumni) with the add form.</summary>
public sealed record PeopleListPage(IReadOnlyList<LabMember> Members, MemberForm Form, FormErrors Errors, string? Done);

public sealed record MemberEditPage(LabMember Member, MemberForm Form, FormErrors Errors, AlumniForm Alumni, FormErrors AlumniErrors, FormErrors PhotoErrors);

/// <summary>A photo with its upload and remove forms (the profile's and each member's); <see cref="Action"/> is the upload's address, "/delete" added removes it.</summary>
public sealed record PhotoSection(Photo? Photo, FormErrors Errors, string Action, string Name);

/// <summary>What the list was told after a change: <c>?done=added</c>.</summary>
public sealed record PeopleListQuery(string? Done) : IQueryModel<PeopleListQuery>
{
    public static PeopleListQuery Read(QueryReader query) => new(query.Choice("done", ["added", "saved", "deleted", "moved", "alumni"]));
}
