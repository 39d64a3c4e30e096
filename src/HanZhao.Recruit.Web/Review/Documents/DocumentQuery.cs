using HanZhao.Recruit.Web.Platform.Queries;

namespace HanZhao.Recruit.Web.Review.Documents;

/// <summary><c>?download=1</c> (or <c>true</c>) sends the document as an attachment instead of showing it.</summary>
public sealed record DocumentQuery(bool Download) : IQueryModel<DocumentQuery>
{
    public static DocumentQuery Read(QueryReader query) => new(query.Raw("download") is "1" or "true");
}
