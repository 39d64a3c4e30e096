using System.Net;
using HanZhao.Recruit.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.PublicSite.Contact;

/// <summary>The professor reads the site in Chinese: a visitor's message reaches them in Chinese, whatever the visitor's language.</summary>
public sealed class ContactInProfessorsLanguageTests(ContactAppFactory app) : IClassFixture<ContactAppFactory>
{
    [Fact]
    public async Task A_message_from_an_english_visitor_reaches_a_chinese_reading_professor_in_chinese()
    {
        var professor = await app.CreateUserAsync(Roles.Professor);
        await using (var db = app.CreateDbContext())
        {
            await db.Users.Where(u => u.Id == professor.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredCulture, "zh-CN"));
        }

        var text = $"May I visit the lab next week? {Guid.NewGuid():N}";
        using var client = app.CreateHttpsClient();
        using var response = await client.SendMessageAsync("Li Wei", "li.wei@example.com", text);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var message = Assert.Single(await app.ContactMessagesAsync(), m => m.TextBody.Contains(text, StringComparison.Ordinal));
        Assert.Equal(("zh-CN", "来自网站联系表单的留言"), (message.Culture, message.Subject));
        Assert.Contains("姓名: Li Wei", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("如需回复，请直接回复此邮件（将发送至 li.wei@example.com）。", message.TextBody, StringComparison.Ordinal);
        Assert.Equal("li.wei@example.com", message.ReplyTo);
    }
}
