using System.Net;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Tests.Apply;
using HanZhao.Recruit.Tests.PublicSite;
using HanZhao.Recruit.Web.Platform.Forms;

namespace HanZhao.Recruit.Tests.Platform;

/// <summary>
/// Lengths counted as a reader counts them (Platform/Forms/TextLength.cs): each CJK character one, other
/// text by words. The statement's 1,500 holds in that unit, with its message in both languages.
/// </summary>
public class TextLengthTests(ApplicationFormApp app) : IClassFixture<ApplicationFormApp>
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("   \n\t ", 0)]
    [InlineData("one two  three", 3)]
    [InlineData("我想研究大模型推理", 9)]
    [InlineData("我用 PyTorch 写了3个模型。", 10)] // the example in TextLength's comment
    [InlineData("GPU调度", 3)] // a word ends where a CJK character begins
    [InlineData("调度GPU", 3)]
    [InlineData("你好，世界！", 6)] // full-width punctuation counts as a character
    [InlineData("「引用」《书名》、", 9)]
    [InlineData("ひらがな カタカナ", 8)] // kana, one each; the space between is no character
    [InlineData("한국어 문장", 5)] // hangul syllables
    [InlineData("ＡＢＣ１２３", 6)] // full-width letters and digits, as typed with a Chinese input method
    [InlineData("中\u3000文", 2)] // the ideographic space separates and is not counted
    [InlineData("𠀀𪚥", 2)] // Extension B characters: one each, though two UTF-16 units
    [InlineData("smile 🙂 ok", 3)] // an emoji is not CJK: a word of its own
    [InlineData("don't stop-me now", 3)]
    [InlineData("李明 (Li Ming)", 4)] // 李 明 (Li Ming)
    public void Each_cjk_character_counts_one_and_other_text_counts_by_words(string text, int count) =>
        Assert.Equal(count, TextLength.Count(text));

    [Fact]
    public async Task A_statement_of_1500_chinese_characters_is_taken_and_1501_are_refused_with_the_message()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Applicant);
        var id = await client.StartAsync();

        using var taken = await client.SaveStepAsync(id, "statement", [new("Statement", new string('字', 1500))]);
        using var refused = await client.SaveStepAsync(id, "statement", [new("Statement", new string('字', 1501))]);

        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("The statement can have at most 1,500 words; each Chinese, Japanese or Korean character counts as one.",
            PageText.Of(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(1500, (await ApplicationFormSteps.LoadAsync(app, id)).Statement!.Length);
    }

    [Theory]
    [InlineData(1499, " PyTorch", true)]
    [InlineData(1499, " Py Torch", false)]
    [InlineData(1498, "，GPU", true)]
    [InlineData(1400, " and a hundred more words", true)]
    public async Task A_mixed_statement_counts_its_chinese_characters_and_its_words(int characters, string tail, bool taken)
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Applicant);
        var id = await client.StartAsync();

        using var response = await client.SaveStepAsync(id, "statement", [new("Statement", new string('研', characters) + tail)], go: "save");

        Assert.Equal(taken ? HttpStatusCode.Redirect : HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_limit_is_explained_and_refused_in_chinese_too()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Applicant);
        var id = await client.StartAsync();
        await client.GetAsync("/?culture=zh-CN");

        var page = PageText.Of(await client.GetStringAsync($"/apply/{id}/statement"));
        using var refused = await client.SaveStepAsync(id, "statement", [new("Statement", new string('字', 1501))]);

        Assert.Contains("每个中文、日文或韩文字符计为一个字，其他文字按词计。", page, StringComparison.Ordinal);
        Assert.Contains("已写 0 字，上限 1500 字", page, StringComparison.Ordinal);
        Assert.Contains("个人陈述最多 1,500 字；每个中文、日文或韩文字符计为一个字，其他文字按词计。", PageText.Of(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}
