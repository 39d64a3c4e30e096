using Microsoft.EntityFrameworkCore.Migrations;

namespace HanZhao.Recruit.Data.Migrations;

/// <summary>
/// The hand-written SQL of the list-at-scale change (issue 17, branch p-list), run by its migration on
/// both providers. <see cref="Up"/> runs after <c>ApplicationInterests</c> and the score columns exist and
/// BEFORE <c>Applications.ResearchInterestIds</c> is dropped: it moves each "1,3" into rows (ids that
/// are not numbers or no longer interests are left out, as the form would refuse them) and fills
/// <c>ScoreCount</c>, <c>AverageScore</c> and <c>NormalisedScore</c> from the scores already given (the
/// same arithmetic as Review/Scoring/FairScores). <see cref="Down"/> runs after the column is back and
/// before the table is dropped. Part of a migration: never change it once released.
/// </summary>
public static class InterestsTableSql
{
    public static void Up(MigrationBuilder b, bool sqlServer)
    {
        ArgumentNullException.ThrowIfNull(b);
        b.Sql(Batch(sqlServer ? SqlServerSplit : SqliteSplit, sqlServer));
        foreach (var statement in ScoreFigureStatements(sqlServer))
        {
            b.Sql(Batch(statement, sqlServer));
        }
    }

    /// <summary>Fills every application's stored score figures from its scores (the benchmark's seed runs them too).</summary>
    public static IReadOnlyList<string> ScoreFigureStatements(bool sqlServer) => [ScoreCountAndAverage, Normalised(sqlServer ? "SQRT" : "sqrt")];

    public static void Down(MigrationBuilder b, bool sqlServer)
    {
        ArgumentNullException.ThrowIfNull(b);
        b.Sql(Batch(sqlServer ? SqlServerJoin : SqliteJoin, sqlServer));
    }

    /// <summary>
    /// On SQL Server through EXEC: an idempotent script wraps each migration in IF … BEGIN … END, and a
    /// batch naming a column this migration adds would not compile before the column exists.
    /// </summary>
    private static string Batch(string sql, bool sqlServer) =>
        sqlServer ? "EXEC(N'" + sql.Replace("'", "''", StringComparison.Ordinal) + "');" : sql;

    // A recursive split: each step takes the text before the first comma.
    private const string SqliteSplit = """
        WITH RECURSIVE split(ApplicationId, Item, Rest) AS (
            SELECT Id, NULL, ResearchInterestIds || ',' FROM Applications WHERE ResearchInterestIds <> ''
            UNION ALL
            SELECT ApplicationId, trim(substr(Rest, 1, instr(Rest, ',') - 1)), substr(Rest, instr(Rest, ',') + 1) FROM split WHERE Rest <> '')
        INSERT INTO ApplicationInterests (ApplicationId, ResearchInterestId)
        SELECT DISTINCT s.ApplicationId, r.Id FROM split s JOIN ResearchInterests r ON CAST(r.Id AS TEXT) = s.Item;
        """;

    // STRING_SPLIT needs compatibility level 130 (SQL Server 2016) or later.
    private const string SqlServerSplit = """
        INSERT INTO ApplicationInterests (ApplicationId, ResearchInterestId)
        SELECT DISTINCT a.Id, r.Id FROM Applications a CROSS APPLY STRING_SPLIT(a.ResearchInterestIds, ',') s
        JOIN ResearchInterests r ON CAST(r.Id AS nvarchar(20)) = LTRIM(RTRIM(s.value));
        """;

    private const string SqliteJoin = """
        UPDATE Applications SET ResearchInterestIds = COALESCE((
            SELECT group_concat(ResearchInterestId, ',') FROM (
                SELECT ResearchInterestId FROM ApplicationInterests i WHERE i.ApplicationId = Applications.Id ORDER BY ResearchInterestId)), '');
        """;

    private const string SqlServerJoin = """
        UPDATE Applications SET ResearchInterestIds = COALESCE((
            SELECT STRING_AGG(CAST(ResearchInterestId AS nvarchar(20)), ',') WITHIN GROUP (ORDER BY ResearchInterestId)
            FROM ApplicationInterests i WHERE i.ApplicationId = Applications.Id), '');
        """;

    private const string ScoreCountAndAverage = """
        UPDATE Applications SET
            ScoreCount = (SELECT COUNT(*) FROM ApplicationScores s WHERE s.ApplicationId = Applications.Id),
            AverageScore = (SELECT AVG(CAST(s.ResearchFit + s.AcademicRecord + s.Skills + s.Communication AS float) / 4) FROM ApplicationScores s WHERE s.ApplicationId = Applications.Id);
        """;

    /// <summary>
    /// Each score as a z-score over its reviewer's scores, mapped back by the mean and spread of all
    /// scores and clamped to 1–5; taken as given for a reviewer with fewer than two scores or no spread.
    /// Variances as E[x²] − E[x]², so a spread below 1e-9 counts as none (rounding, not leniency).
    /// </summary>
    private static string Normalised(string sqrt)
    {
        const string V = "CAST(ResearchFit + AcademicRecord + Skills + Communication AS float) / 4";
        var corrected = $"g.m + ({V} - r.m) / {sqrt}(r.var) * {sqrt}(g.var)";
        return $"""
            UPDATE Applications SET NormalisedScore = (
                SELECT AVG(CASE WHEN r.n < 2 OR r.var < 1e-9 OR g.var < 1e-9 THEN {V}
                    WHEN {corrected} < 1 THEN 1.0 WHEN {corrected} > 5 THEN 5.0 ELSE {corrected} END)
                FROM ApplicationScores s
                JOIN (SELECT ReviewerId, COUNT(*) AS n, AVG(v) AS m, AVG(v * v) - AVG(v) * AVG(v) AS var
                      FROM (SELECT ReviewerId, {V} AS v FROM ApplicationScores) a GROUP BY ReviewerId) r ON r.ReviewerId = s.ReviewerId
                CROSS JOIN (SELECT AVG(v) AS m, AVG(v * v) - AVG(v) * AVG(v) AS var FROM (SELECT {V} AS v FROM ApplicationScores) a) g
                WHERE s.ApplicationId = Applications.Id)
            WHERE ScoreCount > 0;
            """;
    }
}
