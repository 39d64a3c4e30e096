using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Web.Platform.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HanZhao.Recruit.Web.PublicSite.News;

/// <summary>/news with its page number: <c>?page=2</c>.</summary>
public sealed record NewsQuery(int Page) : IQueryModel<NewsQuery>
{
    public static NewsQuery Read(QueryReader query) => new(query.Page());
}

/// <summary>Reads the news the public pages and the feed show, newest first (by date, then the later added).</summary>
public sealed class NewsContent(RecruitDbContext db, IOptions<NewsOptions> options)
{
    public NewsOptions Options => options.Value;

    public async Task<IReadOnlyList<NewsItem>> LatestAsync(int count, CancellationToken cancellationToken) =>
        await Newest().Take(count).ToListAsync(cancellationToken);

    public Task<LogPage<NewsItem>> PageAsync(int page, CancellationToken cancellationToken) =>
        LogPages.ReadAsync(Newest(), page, Options.PageSize, cancellationToken);

    private IQueryable<NewsItem> Newest() =>
        db.News.AsNoTracking().OrderByDescending(n => n.Date).ThenByDescending(n => n.Id);
}
