using HanZhao.Recruit.Web.Settings.Content.Publications;

namespace HanZhao.Recruit.Tests.Settings.Content.Publications;

/// <summary>Only a DBLP person id (or its page on dblp.org) is ever turned into a fetch.</summary>
public class DblpPersonIdTests
{
    [Theory]
    [InlineData("123/4567", "123/4567")]
    [InlineData("  123/4567  ", "123/4567")]
    [InlineData("05/5421-1", "05/5421-1")]
    [InlineData("z/HanZhao", "z/HanZhao")]
    [InlineData("https://dblp.org/pid/123/4567", "123/4567")]
    [InlineData("https://dblp.org/pid/123/4567.html", "123/4567")]
    [InlineData("https://www.dblp.org/pid/123/4567.bib", "123/4567")]
    [InlineData("dblp.org/pid/123/4567", "123/4567")]
    public void An_id_or_its_dblp_page_gives_the_id(string input, string pid) =>
        Assert.Equal(pid, DblpPersonId.Parse(input));

    [Theory]
    [InlineData("")]
    [InlineData("Han Zhao")]
    [InlineData("123")]
    [InlineData("123/4567/89")]
    [InlineData("../../etc/passwd")]
    [InlineData("123/../4567")]
    [InlineData("123/4567?format=xml")]
    [InlineData("123/4567#x")]
    [InlineData("http://dblp.org/pid/123/4567")]
    [InlineData("https://evil.example/pid/123/4567")]
    [InlineData("https://dblp.org.evil.example/pid/123/4567")]
    [InlineData("https://dblp.org@evil.example/pid/123/4567")]
    [InlineData("https://user@dblp.org/pid/123/4567")]
    [InlineData("https://dblp.org:8443/pid/123/4567")]
    [InlineData("https://dblp.org/pid/123/4567?x=1")]
    [InlineData("https://dblp.org/pid/123/%2e%2e/4567")]
    [InlineData("https://dblp.org/pid/12/../34/5678")]
    [InlineData("https://dblp.org/search?q=zhao")]
    [InlineData("https://dblp.org/pers/hd/z/Zhao:Han")]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("123/4567\u0000")]
    public void Anything_else_is_refused(string input) =>
        Assert.Null(DblpPersonId.Parse(input));

    [Fact]
    public void An_overlong_input_is_refused() =>
        Assert.Null(DblpPersonId.Parse("https://dblp.org/pid/" + new string('1', 300)));
}
