using System.Text.RegularExpressions;

namespace HanZhao.Recruit.EndToEnd;

/// <summary>
/// The applicant most of them are: on a 360 px phone, reading Chinese, through the route step (直博,
/// with its 推免 questions) and the documents step (a box per document, the ranking certificate named
/// as missing until it is uploaded) to the reference number. Every page is checked by axe-core, fits
/// the width, and the route and documents steps are also validated as served and photographed at 1280 px.
/// </summary>
public partial class ApplyInChineseOnAPhoneTests(ApplyJourneyApp app, BrowserFixture browser) : IClassFixture<ApplyJourneyApp>, IClassFixture<BrowserFixture>
{
    private static async Task CheckAsync(IPage page, string name)
    {
        await page.ScreenshotAsync($"apply-zh-360-{name}");
        Assert.True(await page.FitsViewportWidthAsync(), $"{name} scrolls sideways at 360 px");
        var violations = await page.AccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, $"{name}:\n{string.Join("\n", violations)}");
    }

    /// <summary>The page as the server sent it, for html-validate, and a picture of it on a laptop.</summary>
    private static async Task<(string Name, string Html)> WideAndServedAsync(IPage page, string name)
    {
        await page.SetViewportSizeAsync(1280, 900);
        await page.ScreenshotAsync($"apply-zh-1280-{name}");
        Assert.True(await page.FitsViewportWidthAsync(), $"{name} scrolls sideways at 1280 px");
        Assert.Empty(await page.AccessibilityViolationsAsync());
        await page.SetViewportSizeAsync(360, 780);
        var served = await page.APIRequest.GetAsync(page.Url);
        return (name, await served.TextAsync());
    }

    [Fact]
    public async Task A_student_applies_in_chinese_on_a_phone_through_the_route_and_documents_steps()
    {
        const string Email = "Zhang.Wei@Example.EDU";
        var page = await browser.NewPageAsync(app.ServerAddress, 360, 780, locale: "zh-CN");
        var served = new List<(string Name, string Html)>();

        await page.GotoAsync("/apply/signin?culture=zh-CN");
        await page.GetByLabel("邮箱地址").FillAsync(Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "发送登录链接" }).ClickAsync();
        // The address as normalised (the domain in lower case), and how long the link works.
        Assert.Equal("Zhang.Wei@example.edu", await page.Locator("[data-sent-to]").InnerTextAsync());
        Assert.Contains("15 分钟", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await CheckAsync(page, "01-check-your-email");

        var signIn = await app.Smtp.WaitForMessagesToAsync("Zhang.Wei@example.edu");
        await page.GotoAsync(SignInLink().Match(signIn[^1].TextBody ?? "").Value);
        await page.GetByRole(AriaRole.Button, new() { Name = "继续" }).ClickAsync();

        // The signed-in header is one row on a phone: the links are behind the menu button.
        var header = await page.Locator(".site-header").BoundingBoxAsync();
        Assert.True(header!.Height < 80, $"the header is {header.Height} px high");
        Assert.False(await page.GetByRole(AriaRole.Link, new() { Name = "我的申请" }).IsVisibleAsync());
        await page.GetByText("菜单").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "我的申请" }).ClickAsync();

        await page.GotoAsync("/apply");
        await page.GetByRole(AriaRole.Link, new() { Name = "博士，2026.09 入学" }).ClickAsync();
        Assert.Equal("第 1 步，共 9 步 · 招生类型", (await page.Locator(".steps summary").InnerTextAsync()).Trim());
        // The 推免 questions belong to the routes that ask them: hidden until one is chosen.
        Assert.False(await page.GetByRole(AriaRole.Group, new() { Name = "你是否有推免资格？ *" }).IsVisibleAsync());
        await page.Locator("input[name=Route][value=DirectPhd]").CheckAsync();
        Assert.True(await page.GetByRole(AriaRole.Group, new() { Name = "你是否有推免资格？ *" }).IsVisibleAsync());
        await page.GetByRole(AriaRole.Radio, new() { Name = "有，学校已确认" }).CheckAsync();
        await page.GetByLabel("夏令营（选填）").FillAsync("上海交通大学计算机系夏令营，2025 年 7 月");
        await page.GetByLabel("正式程序的预计日期").FillAsync("2025-09-25");
        await CheckAsync(page, "02-route");
        served.Add(await WideAndServedAsync(page, "route"));
        await page.GetByRole(AriaRole.Button, new() { Name = "保存并继续" }).ClickAsync();

        await page.GetByLabel("姓名 *", new() { Exact = true }).FillAsync("Zhang Wei");
        await page.GetByLabel("中文姓名（选填）").FillAsync("张伟");
        await page.GetByLabel("电话").FillAsync("+86 139 0000 0002");
        await CheckAsync(page, "03-personal");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存并继续" }).ClickAsync();

        await page.GetByLabel("学校").FillAsync("武汉大学");
        await page.GetByLabel("学位").FillAsync("工学学士");
        await page.GetByLabel("专业").FillAsync("计算机科学与技术");
        await page.GetByLabel("GPA *", new() { Exact = true }).FillAsync("3.7");
        await page.GetByLabel("GPA 满分").SelectOptionAsync("4.0");
        await page.GetByLabel("你的名次").FillAsync("3");
        await page.GetByLabel("年级人数").FillAsync("120");
        Assert.Equal("前 2.5%", await page.Locator("[data-percentile]").InnerTextAsync());
        await page.GetByLabel("预计毕业时间").FillAsync("2026-06");
        await CheckAsync(page, "04-education");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存并继续" }).ClickAsync();

        await page.Locator("input[name=ResearchInterestIds]").First.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存并继续" }).ClickAsync();
        await page.GetByLabel("科研经历").FillAsync("在实验室做了两年 GPU 调度。");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存并继续" }).ClickAsync();

        await page.GetByLabel("英语考试").SelectOptionAsync("CET-6");
        await page.GetByLabel("成绩").FillAsync("560");
        await CheckAsync(page, "05-english");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存并继续" }).ClickAsync();

        await page.GetByLabel("个人陈述").FillAsync("我希望研究大模型推理系统，让多个模型高效地共享 GPU。");
        // The counter is the page's script: waited for, not read at once (the field may be filled before the script runs).
        await Assertions.Expect(page.Locator("[data-word-count]"))
            .ToHaveTextAsync("已写 25 字，上限 1500 字", new() { Timeout = (float)Patience.Limit.TotalMilliseconds });
        await CheckAsync(page, "06-statement");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存并继续" }).ClickAsync();

        // One box per document 直博 needs; the ranking certificate is left for later.
        Assert.Equal(["Cv", "Transcript", "RankingCertificate", "Other"],
            await page.Locator("[data-document-box]").EvaluateAllAsync<string[]>("boxes => boxes.map(b => b.dataset.documentBox)"));
        foreach (var (kind, file) in new[] { ("Cv", "简历.pdf"), ("Transcript", "成绩单.pdf") })
        {
            var box = page.Locator($"[data-document-box={kind}]");
            await box.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = file, MimeType = "application/pdf", Buffer = ApplicationDrafts.Pdf(4096) });
            await box.GetByRole(AriaRole.Button, new() { Name = "上传" }).ClickAsync();
            Assert.Contains(file, await page.Locator($"[data-document-box={kind}] .documents").InnerTextAsync(), StringComparison.Ordinal);
        }

        Assert.Contains("1 页", await page.Locator("[data-document-box=Cv] .documents").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { Name = "下一步" }).ClickAsync();
        Assert.Contains("请上传排名证明。", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).IsDisabledAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "请上传排名证明。" }).ClickAsync();
        var ranking = page.Locator("[data-document-box=RankingCertificate]");
        await ranking.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "排名证明.pdf", MimeType = "application/pdf", Buffer = ApplicationDrafts.Pdf(3000) });
        await ranking.GetByRole(AriaRole.Button, new() { Name = "上传" }).ClickAsync();
        Assert.Equal(3, await page.Locator(".document-done").CountAsync());
        await CheckAsync(page, "07-documents");
        served.Add(await WideAndServedAsync(page, "documents"));
        await page.GetByRole(AriaRole.Link, new() { Name = "下一步" }).ClickAsync();

        Assert.Contains("120 人中第 3 名（前 2.5%）", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByLabel("我同意按上述说明为本次申请处理我的个人数据。").CheckAsync();
        await CheckAsync(page, "08-review");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();

        var reference = page.Locator(".reference");
        Assert.Matches(@"^HZ-2026-\d{5}$", await reference.InnerTextAsync());
        // One line: a reference number never breaks at its hyphens.
        Assert.Equal(1, await reference.EvaluateAsync<int>("e => e.getClientRects().length"));
        await CheckAsync(page, "09-submitted");

        var errors = await PageChecks.MarkupErrorsAsync(served);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [GeneratedRegex(@"https?://\S+/apply/signin/confirm\?token=\S+")]
    private static partial Regex SignInLink();
}
