using System.Globalization;
using Microsoft.Data.Sqlite;

namespace HanZhao.Recruit.Benchmarks;

/// <summary>
/// Puts 100 000 applications straight into the app's SQLite file in one transaction (not through
/// HTTP): 25 000 applicants with 4 applications each over 8 intakes and both programs, statuses
/// spread along the pipeline (5 % drafts), names, institutions, majors, interests and statements
/// from fixed lists with a fixed random seed, plus scores, tags and reviewer assignments.
/// </summary>
public static class ReviewSeed
{
    public const string ApplicantRoleId = "5f1c2a40-4a3e-4a57-9b0e-3d6b1f6f0a03";
    public const string ReviewerRoleId = "5f1c2a40-4a3e-4a57-9b0e-3d6b1f6f0a02";
    public static readonly string[] Tags = ["strong", "follow-up", "interview-pool", "industry", "borderline"];

    private static readonly string[] FamilyNames = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Luo", "Gao"];
    private static readonly string[] GivenNames = ["Wei", "Fang", "Min", "Jing", "Lei", "Yang", "Jun", "Yan", "Hao", "Xin", "Yu", "Tao", "Ming", "Chao", "Hui", "Ning", "Bo", "Qiang", "Lan", "Rui"];
    private static readonly string[] ChineseFamily = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"];
    private static readonly string[] ChineseGiven = ["伟", "芳", "敏", "静", "磊", "洋", "军", "艳", "浩", "欣", "宇", "涛", "明", "超", "慧", "宁", "博", "强", "兰", "睿"];
    private static readonly string[] Institutions = ["Shanghai Jiao Tong University", "Zhejiang University", "Huazhong University of Science and Technology", "Wuhan University", "Nanjing University", "Sun Yat-sen University", "Xidian University", "Harbin Institute of Technology", "Tongji University", "Fudan University", "Sichuan University", "Shandong University", "Beihang University", "Southeast University", "Xi'an Jiaotong University", "University of Science and Technology of China"];
    private static readonly string[] Majors = ["Computer Science", "Software Engineering", "Electronic Engineering", "Information Security", "Automation", "Mathematics", "Artificial Intelligence", "Data Science"];
    private static readonly string[] Words = ["systems", "GPU", "scheduling", "inference", "serving", "memory", "cluster", "distributed", "storage", "compiler", "kernel", "latency", "throughput", "model", "training", "cache", "network", "operating", "virtualization", "accelerator", "I", "want", "to", "build", "and", "study", "the", "of", "for", "with", "efficient", "large", "language", "models", "research", "project", "experience", "in", "my", "lab"];
    private static readonly (string Status, int Weight)[] Statuses = [("Draft", 1), ("Submitted", 5), ("UnderReview", 5), ("Interview", 2), ("Offer", 1), ("Accepted", 1), ("Declined", 1), ("Rejected", 3), ("Withdrawn", 1)];

    public sealed record Seeded(int Applications, int Applicants, IReadOnlyDictionary<string, int> IntakeIds, TimeSpan Took);

    public static async Task<Seeded> SeedAsync(BenchApp app, int applications)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var random = new Random(42);
        await using var db = app.OpenDatabase();
        await using var transaction = db.BeginTransaction();

        SqliteCommand Command(string sql, params string[] parameters)
        {
            var command = db.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                command.Parameters.Add(new SqliteParameter(name, null));
            }

            return command;
        }

        static string Date(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

        // Six past intakes beside the seeded 2025.09 and 2026.09: 8 intakes x 2 programs.
        using (var intake = Command("INSERT OR IGNORE INTO Intakes (Code, EnrollmentDate, Programs, IsOpen) VALUES ($code, $date, 3, 0)", "$code", "$date"))
        {
            for (var year = 2019; year <= 2024; year++)
            {
                intake.Parameters["$code"].Value = $"{year}.09";
                intake.Parameters["$date"].Value = $"{year}-09-01";
                await intake.ExecuteNonQueryAsync();
            }
        }

        var intakeIds = new Dictionary<string, int>();
        using (var read = Command("SELECT Code, Id FROM Intakes ORDER BY Code"))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                intakeIds[reader.GetString(0)] = reader.GetInt32(1);
            }
        }

        var intakes = intakeIds.OrderBy(i => i.Key, StringComparer.Ordinal).TakeLast(8).ToList();
        var reviewers = new List<string>();
        using var user = Command(
            "INSERT INTO AspNetUsers (Id, PreferredCulture, CreatedAtUtc, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, SecurityStamp, ConcurrencyStamp, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount, DisplayName, IsDisabled) "
            + "VALUES ($id, 'en', $created, $email, $normalized, $email, $normalized, 1, $stamp, $stamp, 0, 0, 1, 0, $display, 0)",
            "$id", "$created", "$email", "$normalized", "$stamp", "$display");
        using var role = Command("INSERT INTO AspNetUserRoles (UserId, RoleId) VALUES ($user, $role)", "$user", "$role");
        async Task<string> AddUser(string email, string? display, string roleId)
        {
            var id = Guid.NewGuid().ToString();
            user.Parameters["$id"].Value = id;
            user.Parameters["$created"].Value = Date(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            user.Parameters["$email"].Value = email;
            user.Parameters["$normalized"].Value = email.ToUpperInvariant();
            user.Parameters["$stamp"].Value = Guid.NewGuid().ToString("N");
            user.Parameters["$display"].Value = (object?)display ?? DBNull.Value;
            await user.ExecuteNonQueryAsync();
            role.Parameters["$user"].Value = id;
            role.Parameters["$role"].Value = roleId;
            await role.ExecuteNonQueryAsync();
            return id;
        }

        for (var r = 1; r <= 3; r++)
        {
            reviewers.Add(await AddUser($"reviewer{r}@bench.test", $"Reviewer {r}", ReviewerRoleId));
        }

        using var insert = Command(
            "INSERT INTO Applications (ApplicantId, IntakeId, Program, Status, ReferenceNumber, Culture, FullName, ChineseName, Phone, Institution, Degree, Major, Gpa, GpaScale, Ranking, ExpectedGraduation, ResearchInterestIds, Statement, ConsentedAtUtc, CreatedAtUtc, UpdatedAtUtc, SubmittedAtUtc) "
            + "VALUES ($applicant, $intake, $program, $status, $reference, $culture, $name, $chinese, '+86 138 0000 0000', $institution, 'Bachelor of Engineering', $major, $gpa, 4, $ranking, $graduation, $interests, $statement, $submitted, $created, $created, $submitted); SELECT last_insert_rowid();",
            "$applicant", "$intake", "$program", "$status", "$reference", "$culture", "$name", "$chinese", "$institution", "$major", "$gpa", "$ranking", "$graduation", "$interests", "$statement", "$submitted", "$created");
        using var score = Command(
            "INSERT INTO ApplicationScores (ApplicationId, ReviewerId, ResearchFit, AcademicRecord, Skills, Communication, UpdatedAtUtc) VALUES ($app, $reviewer, $a, $b, $c, $d, $at)",
            "$app", "$reviewer", "$a", "$b", "$c", "$d", "$at");
        using var tag = Command("INSERT INTO ApplicationTags (ApplicationId, Name) VALUES ($app, $name)", "$app", "$name");
        using var assignment = Command("INSERT INTO ReviewerAssignments (ApplicationId, ReviewerId, AssignedAtUtc) VALUES ($app, $reviewer, $at)", "$app", "$reviewer", "$at");

        var totalWeight = Statuses.Sum(s => s.Weight);
        var applicantId = string.Empty;
        for (var n = 0; n < applications; n++)
        {
            if (n % 4 == 0)
            {
                applicantId = await AddUser($"applicant{n / 4}@bench.test", null, ApplicantRoleId);
            }

            // Four different (intake, program) pairs per applicant: 5k mod 16 differs for k = 0..3.
            var combination = ((n / 4 * 3) + (n % 4 * 5)) % 16;
            var (code, intakeId) = intakes[combination / 2];
            var year = int.Parse(code[..4], CultureInfo.InvariantCulture);
            var pick = random.Next(totalWeight);
            var status = Statuses.First(s => (pick -= s.Weight) < 0).Status;
            var created = new DateTime(year - 1, 10, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(random.Next(200 * 24 * 60));
            var submitted = status == "Draft" ? (DateTime?)null : created.AddHours(random.Next(1, 72));
            var family = random.Next(FamilyNames.Length);
            var given = random.Next(GivenNames.Length);
            var interests = Enumerable.Range(1, 4).Where(_ => random.Next(3) == 0).DefaultIfEmpty(1 + random.Next(4));
            insert.Parameters["$applicant"].Value = applicantId;
            insert.Parameters["$intake"].Value = intakeId;
            insert.Parameters["$program"].Value = combination % 2 == 0 ? "PhD" : "Master";
            insert.Parameters["$status"].Value = status;
            insert.Parameters["$reference"].Value = submitted is null ? DBNull.Value : $"HZ-{year}-{n + 1:D6}";
            insert.Parameters["$culture"].Value = random.Next(3) == 0 ? "en" : "zh-CN";
            insert.Parameters["$name"].Value = $"{FamilyNames[family]} {GivenNames[given]}";
            insert.Parameters["$chinese"].Value = random.Next(10) < 7 ? ChineseFamily[family] + ChineseGiven[given] : DBNull.Value;
            insert.Parameters["$institution"].Value = Institutions[random.Next(Institutions.Length)];
            insert.Parameters["$major"].Value = Majors[random.Next(Majors.Length)];
            insert.Parameters["$gpa"].Value = Math.Round(2.8 + (random.NextDouble() * 1.2), 2);
            insert.Parameters["$ranking"].Value = $"{random.Next(1, 60)}/{random.Next(60, 300)}";
            insert.Parameters["$graduation"].Value = $"{year}-06-30";
            insert.Parameters["$interests"].Value = string.Join(',', interests);
            insert.Parameters["$statement"].Value = string.Join(' ', Enumerable.Range(0, 60).Select(_ => Words[random.Next(Words.Length)]));
            insert.Parameters["$submitted"].Value = submitted is { } s ? Date(s) : DBNull.Value;
            insert.Parameters["$created"].Value = Date(created);
            var id = (long)(await insert.ExecuteScalarAsync())!;
            if (submitted is null)
            {
                continue;
            }

            if (random.Next(10) < 3)
            {
                foreach (var reviewer in reviewers.Take(1 + random.Next(2)))
                {
                    score.Parameters["$app"].Value = id;
                    score.Parameters["$reviewer"].Value = reviewer;
                    score.Parameters["$a"].Value = random.Next(1, 6);
                    score.Parameters["$b"].Value = random.Next(1, 6);
                    score.Parameters["$c"].Value = random.Next(1, 6);
                    score.Parameters["$d"].Value = random.Next(1, 6);
                    score.Parameters["$at"].Value = Date(submitted.Value.AddDays(3));
                    await score.ExecuteNonQueryAsync();
                }
            }

            if (random.Next(10) == 0)
            {
                tag.Parameters["$app"].Value = id;
                tag.Parameters["$name"].Value = Tags[random.Next(Tags.Length)];
                await tag.ExecuteNonQueryAsync();
            }

            if (random.Next(5) == 0)
            {
                assignment.Parameters["$app"].Value = id;
                assignment.Parameters["$reviewer"].Value = reviewers[random.Next(reviewers.Count)];
                assignment.Parameters["$at"].Value = Date(submitted.Value.AddDays(1));
                await assignment.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
        return new Seeded(applications, applications / 4, intakeIds, clock.Elapsed);
    }
}
