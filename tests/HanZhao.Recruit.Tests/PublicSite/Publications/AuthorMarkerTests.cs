using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Web.PublicSite.Publications;

namespace HanZhao.Recruit.Tests.PublicSite.Publications;

/// <summary>Who is the professor and who is the lab's in an author list, however the citation writes the names.</summary>
public class AuthorMarkerTests
{
    private static readonly Profile Professor = new() { Name = "Han Zhao", ChineseName = "赵涵" };

    [Theory]
    [InlineData("Han Zhao")]
    [InlineData("Zhao, Han")]
    [InlineData("H. Zhao")]
    [InlineData("Zhao H.")]
    [InlineData("Zhao Han")]
    [InlineData("HAN ZHAO")]
    [InlineData("Han Zhao 0001")]
    [InlineData("赵涵")]
    public void The_professors_name_is_recognised_in_its_usual_forms(string written) =>
        Assert.Equal(AuthorRole.Professor, new AuthorMarker(Professor, []).RoleOf(written));

    [Theory]
    [InlineData("Hao Zhao")]
    [InlineData("Han Zhaoxin")]
    [InlineData("Zhao")]
    [InlineData("赵涵涵")]
    [InlineData("")]
    public void Other_names_are_not_the_professor(string written) =>
        Assert.Equal(AuthorRole.Other, new AuthorMarker(Professor, []).RoleOf(written));

    [Fact]
    public void Lab_members_passed_in_are_marked_in_their_usual_forms_and_the_rest_are_not()
    {
        var marker = new AuthorMarker(Professor, ["Ada Fictional", "李想", "Bo-Ming Imaginary"]);
        var paper = new Publication { Authors = "A. Fictional, Han Zhao, 李想, Bo-Ming Imaginary 0002, Cy Stranger" };

        var marked = marker.Mark(paper);

        Assert.Equal(
            [AuthorRole.LabMember, AuthorRole.Professor, AuthorRole.LabMember, AuthorRole.LabMember, AuthorRole.Other],
            marked.Select(m => m.Role));
        Assert.Equal(["A. Fictional", "Han Zhao", "李想", "Bo-Ming Imaginary 0002", "Cy Stranger"], marked.Select(m => m.Name));
    }

    [Fact]
    public void Without_a_profile_or_names_nobody_is_marked()
    {
        var paper = new Publication { Authors = "Han Zhao, Ada Fictional" };

        Assert.All(AuthorMarker.None.Mark(paper), m => Assert.Equal(AuthorRole.Other, m.Role));
    }

    [Theory]
    [InlineData("Han Zhao, Quan Chen, Minyi Guo", new[] { "Han Zhao", "Quan Chen", "Minyi Guo" })]
    [InlineData("Han Zhao, Quan Chen, and Minyi Guo", new[] { "Han Zhao", "Quan Chen", "Minyi Guo" })]
    [InlineData("Zhao, Han and Chen, Quan", new[] { "Han Zhao", "Quan Chen" })]
    [InlineData("Han Zhao, Quan Chen and Minyi Guo", new[] { "Han Zhao", "Quan Chen", "Minyi Guo" })]
    [InlineData("Han Zhao\nZhao, Han\n\n Minyi Guo ", new[] { "Han Zhao", "Han Zhao", "Minyi Guo" })]
    [InlineData("赵涵、陈全；郭民义", new[] { "赵涵", "陈全", "郭民义" })]
    [InlineData("Alexander Anderson", new[] { "Alexander Anderson" })]
    public void Author_lists_read_as_ordered_names(string authors, string[] names) =>
        Assert.Equal(names, Publication.SplitAuthors(authors));
}
