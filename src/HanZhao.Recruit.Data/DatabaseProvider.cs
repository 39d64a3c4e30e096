namespace HanZhao.Recruit.Data;

/// <summary>The database engines the app runs on; chosen by <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
