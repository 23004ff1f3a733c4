using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Agencies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agencies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OccurredUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorUserId = table.Column<string>(type: "TEXT", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SubjectType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SubjectId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackForms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsAnonymous = table.Column<bool>(type: "INTEGER", nullable: false),
                    AsksAgency = table.Column<bool>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    OpensUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosesUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Intro = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackForms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackInvitations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FormId = table.Column<int>(type: "INTEGER", nullable: false),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    SentUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackInvitations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackSpentTokens",
                columns: table => new
                {
                    Marker = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackSpentTokens", x => x.Marker);
                });

            migrationBuilder.CreateTable(
                name: "ImpactAnonymousViews",
                columns: table => new
                {
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Views = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImpactAnonymousViews", x => new { x.DocumentId, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "ImpactReadCounts",
                columns: table => new
                {
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Readers = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImpactReadCounts", x => new { x.DocumentId, x.AgencyId, x.Month });
                });

            migrationBuilder.CreateTable(
                name: "MediaBlobs",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediaBlobs", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "MediaItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AccessKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    AltText = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UploadedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediaItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Objectives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StrategyDocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Objectives", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ToAddress = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ToName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TextBody = table.Column<string>(type: "TEXT", nullable: false),
                    HtmlBody = table.Column<string>(type: "TEXT", nullable: true),
                    AttachmentName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AttachmentContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AttachmentContent = table.Column<byte[]>(type: "BLOB", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NextAttemptUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", nullable: true),
                    SentUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IsDead = table.Column<bool>(type: "INTEGER", nullable: false),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeaseExpiresUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PartnershipGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnershipGroups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SearchJournal",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ItemId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Operation = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchJournal", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SiteSettings",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SiteSettings", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    JobRole = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IsDisabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastSignInUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RetentionWarningSentUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LineManagerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LineManagerEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ImpactGcp2Targets",
                columns: table => new
                {
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Target = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImpactGcp2Targets", x => x.AgencyId);
                    table.ForeignKey(
                        name: "FK_ImpactGcp2Targets_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FormId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    HelpText = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    IsRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    OptionsJson = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RetiredUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackQuestions_FeedbackForms_FormId",
                        column: x => x.FormId,
                        principalTable: "FeedbackForms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackResponses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FormId = table.Column<int>(type: "INTEGER", nullable: false),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmittedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackResponses_FeedbackForms_FormId",
                        column: x => x.FormId,
                        principalTable: "FeedbackForms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrainingCourses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Length = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Materials = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    PrerequisiteCourseId = table.Column<int>(type: "INTEGER", nullable: true),
                    LicensesGcp2 = table.Column<bool>(type: "INTEGER", nullable: false),
                    AllowsRepeatBookings = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsPublished = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EvaluationFormId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingCourses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingCourses_FeedbackForms_EvaluationFormId",
                        column: x => x.EvaluationFormId,
                        principalTable: "FeedbackForms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_TrainingCourses_TrainingCourses_PrerequisiteCourseId",
                        column: x => x.PrerequisiteCourseId,
                        principalTable: "TrainingCourses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ImpactOutcomeFigures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ObjectiveId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    QuarterStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImpactOutcomeFigures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImpactOutcomeFigures_Objectives_ObjectiveId",
                        column: x => x.ObjectiveId,
                        principalTable: "Objectives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ObjectiveLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ObjectiveId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TargetId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ObjectiveLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ObjectiveLinks_Objectives_ObjectiveId",
                        column: x => x.ObjectiveId,
                        principalTable: "Objectives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ObjectiveMeasures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ObjectiveId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ObjectiveMeasures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ObjectiveMeasures_Objectives_ObjectiveId",
                        column: x => x.ObjectiveId,
                        principalTable: "Objectives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserPasskeys",
                columns: table => new
                {
                    CredentialId = table.Column<byte[]>(type: "BLOB", maxLength: 1024, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Data = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserPasskeys", x => x.CredentialId);
                    table.ForeignKey(
                        name: "FK_AspNetUserPasskeys_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImpactBriefingReads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImpactBriefingReads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImpactBriefingReads_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ImpactLearningActivities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Hours = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    Participatory = table.Column<bool>(type: "INTEGER", nullable: false),
                    WhatILearned = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    HowItChangesMyPractice = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CodeTheme = table.Column<int>(type: "INTEGER", nullable: true),
                    DiscussedWithPeer = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImpactLearningActivities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImpactLearningActivities_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImpactReflections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    BriefingTitle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    BriefingPath = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ReflectedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImpactReflections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImpactReflections_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PreviousEmails",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ChangedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ChangedTo = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UndoKeyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UndoUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UndoneUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PreviousEmails", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PreviousEmails_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UserSessions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    BrowserKeyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Browser = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UserAgent = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    StartedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSeenUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SecurityStamp = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    EndedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UserSessions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackAnswers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResponseId = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: true),
                    After = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackAnswers_FeedbackQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "FeedbackQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FeedbackAnswers_FeedbackResponses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "FeedbackResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImpactFeedback",
                columns: table => new
                {
                    ResponseId = table.Column<int>(type: "INTEGER", nullable: false),
                    FormId = table.Column<int>(type: "INTEGER", nullable: false),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmittedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Usefulness = table.Column<int>(type: "INTEGER", nullable: true),
                    ConfidenceBefore = table.Column<int>(type: "INTEGER", nullable: true),
                    ConfidenceAfter = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImpactFeedback", x => x.ResponseId);
                    table.ForeignKey(
                        name: "FK_ImpactFeedback_FeedbackResponses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "FeedbackResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrainingSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CourseId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Format = table.Column<int>(type: "INTEGER", nullable: false),
                    Venue = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    JoiningLink = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    BookingOpensUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BookingClosesUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Trainer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AgencyPlaceLimit = table.Column<int>(type: "INTEGER", nullable: true),
                    RequiresManagerApproval = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsCancelled = table.Column<bool>(type: "INTEGER", nullable: false),
                    CancelledUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancellationReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PlacesTaken = table.Column<int>(type: "INTEGER", nullable: false),
                    NextQueueNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingSessions", x => x.Id);
                    table.CheckConstraint("CK_TrainingSessions_PlacesTaken", "\"PlacesTaken\" >= 0 AND \"PlacesTaken\" <= \"Capacity\"");
                    table.CheckConstraint("CK_TrainingSessions_Times", "\"EndUtc\" > \"StartUtc\"");
                    table.ForeignKey(
                        name: "FK_TrainingSessions_TrainingCourses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "TrainingCourses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrainingBookings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    QueueNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    AttendeeName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AttendeeEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    JobRole = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AccessNeeds = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DietaryNeeds = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LineManagerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LineManagerEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RequestedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PlaceGivenUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConfirmedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelledUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelledLate = table.Column<bool>(type: "INTEGER", nullable: false),
                    CancelledByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CalendarUid = table.Column<Guid>(type: "TEXT", nullable: false),
                    CalendarSequence = table.Column<int>(type: "INTEGER", nullable: false),
                    ReminderSentUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnonymisedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingBookings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingBookings_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingBookings_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingBookings_TrainingSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "TrainingSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Gcp2Register",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    PractitionerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    CourseId = table.Column<int>(type: "INTEGER", nullable: false),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    BookingId = table.Column<int>(type: "INTEGER", nullable: false),
                    TrainedOnUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RefresherDueUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RefresherReminderSentUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Gcp2Register", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Gcp2Register_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Gcp2Register_TrainingBookings_BookingId",
                        column: x => x.BookingId,
                        principalTable: "TrainingBookings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Gcp2Register_TrainingCourses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "TrainingCourses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Gcp2Register_TrainingSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "TrainingSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ImpactAttendances",
                columns: table => new
                {
                    BookingId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    CourseId = table.Column<int>(type: "INTEGER", nullable: false),
                    CourseTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Result = table.Column<int>(type: "INTEGER", nullable: false),
                    HasCertificate = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImpactAttendances", x => x.BookingId);
                    table.ForeignKey(
                        name: "FK_ImpactAttendances_TrainingBookings_BookingId",
                        column: x => x.BookingId,
                        principalTable: "TrainingBookings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImpactBookings",
                columns: table => new
                {
                    BookingId = table.Column<int>(type: "INTEGER", nullable: false),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    CourseId = table.Column<int>(type: "INTEGER", nullable: false),
                    CourseTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LicensesGcp2 = table.Column<bool>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    HoldsPlace = table.Column<bool>(type: "INTEGER", nullable: false),
                    Attendance = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImpactBookings", x => x.BookingId);
                    table.ForeignKey(
                        name: "FK_ImpactBookings_TrainingBookings_BookingId",
                        column: x => x.BookingId,
                        principalTable: "TrainingBookings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrainingApprovalRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BookingId = table.Column<int>(type: "INTEGER", nullable: false),
                    ManagerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ManagerEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingApprovalRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingApprovalRequests_TrainingBookings_BookingId",
                        column: x => x.BookingId,
                        principalTable: "TrainingBookings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrainingAttendance",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BookingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    SubstituteName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ThankYouSentUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingAttendance", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingAttendance_TrainingBookings_BookingId",
                        column: x => x.BookingId,
                        principalTable: "TrainingBookings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActionEvidenceFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UpdateId = table.Column<int>(type: "INTEGER", nullable: false),
                    ActionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionEvidenceFiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ActionHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActionId = table.Column<int>(type: "INTEGER", nullable: false),
                    OccurredUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionHistory", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ActionPlanEditors",
                columns: table => new
                {
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionPlanEditors", x => new { x.PlanId, x.UserId });
                    table.ForeignKey(
                        name: "FK_ActionPlanEditors_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActionPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: true),
                    ObjectiveId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SummaryWeekOf = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionPlans_Objectives_ObjectiveId",
                        column: x => x.ObjectiveId,
                        principalTable: "Objectives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    RecommendationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecommendationText = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecommendationWithdrawn = table.Column<bool>(type: "INTEGER", nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PublicSummary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    OwnerAgencyId = table.Column<int>(type: "INTEGER", nullable: true),
                    OwnerGroupId = table.Column<int>(type: "INTEGER", nullable: true),
                    LeadUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    NeedsLead = table.Column<bool>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueReminderSentUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OverdueNoticeSentUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanActions", x => x.Id);
                    table.CheckConstraint("CK_PlanActions_Owner", "\"OwnerAgencyId\" IS NULL OR \"OwnerGroupId\" IS NULL");
                    table.ForeignKey(
                        name: "FK_PlanActions_ActionPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "ActionPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlanActions_Agencies_OwnerAgencyId",
                        column: x => x.OwnerAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanActions_AspNetUsers_LeadUserId",
                        column: x => x.LeadUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PlanActions_PartnershipGroups_OwnerGroupId",
                        column: x => x.OwnerGroupId,
                        principalTable: "PartnershipGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ActionUpdates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActionId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Links = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    StatusBefore = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    StatusAfter = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Closes = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionUpdates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionUpdates_AspNetUsers_AuthorUserId",
                        column: x => x.AuthorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ActionUpdates_PlanActions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "PlanActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssuranceRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Question = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AllAgencies = table.Column<bool>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ActionId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ClosedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Reminders = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssuranceRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssuranceRequests_PlanActions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "PlanActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "AssuranceAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Rating = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Narrative = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Links = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    IsDraft = table.Column<bool>(type: "INTEGER", nullable: false),
                    SentUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssuranceAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssuranceAnswers_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssuranceAnswers_AssuranceRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "AssuranceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssuranceRequestAgencies",
                columns: table => new
                {
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    LastRemindedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TimesReminded = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssuranceRequestAgencies", x => new { x.RequestId, x.AgencyId });
                    table.ForeignKey(
                        name: "FK_AssuranceRequestAgencies_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssuranceRequestAgencies_AssuranceRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "AssuranceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssuranceAnswerRevisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AnswerId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Rating = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Narrative = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Links = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    IsDraft = table.Column<bool>(type: "INTEGER", nullable: false),
                    FilesAdded = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssuranceAnswerRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssuranceAnswerRevisions_AspNetUsers_AuthorUserId",
                        column: x => x.AuthorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_AssuranceAnswerRevisions_AssuranceAnswers_AnswerId",
                        column: x => x.AnswerId,
                        principalTable: "AssuranceAnswers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssuranceEvidenceFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AnswerId = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    AddedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssuranceEvidenceFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssuranceEvidenceFiles_AssuranceAnswers_AnswerId",
                        column: x => x.AnswerId,
                        principalTable: "AssuranceAnswers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContentRedirects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FromPath = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentRedirects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Documents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LatestVersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedVersionId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FirstPublishedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastPublishedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PublishedSummary = table.Column<string>(type: "TEXT", maxLength: 600, nullable: true),
                    ListingDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ListingFormat = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ListingThemes = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ListingCategory = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    MediaReferences = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Documents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DocumentVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FieldsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CopiedFromNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubmittedForReviewUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ReviewedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PublishedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RetiredUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ScheduledPublishUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DocumentVersions_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionQuestionSets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    IsAvailable = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionQuestionSets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisionQuestionSets_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ReflectionQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReflectionQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReflectionQuestions_DocumentVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "DocumentVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScheduledContentChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    VersionId = table.Column<int>(type: "INTEGER", nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DueUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RequestedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    RequestedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RequestedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeaseExpiresUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CompletedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelledUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScheduledContentChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScheduledContentChanges_DocumentVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "DocumentVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ScheduledContentChanges_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionQuestionSetQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    QuestionSetId = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionQuestionSetQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisionQuestionSetQuestions_SupervisionQuestionSets_QuestionSetId",
                        column: x => x.QuestionSetId,
                        principalTable: "SupervisionQuestionSets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SupervisorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    SupervisorAgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionSetId = table.Column<int>(type: "INTEGER", nullable: true),
                    QuestionSetTitle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    WhatHappened = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Reflection = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Learning = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    WhatNext = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    EscalationNeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    EscalationNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    FollowUpOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinalisedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisionRecords_AspNetUsers_SupervisorId",
                        column: x => x.SupervisorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SupervisionRecords_SupervisionQuestionSets_QuestionSetId",
                        column: x => x.QuestionSetId,
                        principalTable: "SupervisionQuestionSets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ImpactDiscussions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecordId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    AsSupervisor = table.Column<bool>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: true),
                    ConfidenceBefore = table.Column<int>(type: "INTEGER", nullable: true),
                    ConfidenceAfter = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImpactDiscussions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImpactDiscussions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ImpactDiscussions_SupervisionRecords_RecordId",
                        column: x => x.RecordId,
                        principalTable: "SupervisionRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecordId = table.Column<int>(type: "INTEGER", nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    DoneUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DoneNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReminderSentUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisionActions_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SupervisionActions_SupervisionRecords_RecordId",
                        column: x => x.RecordId,
                        principalTable: "SupervisionRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionDiscussedQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecordId = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Wording = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Discussion = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionDiscussedQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisionDiscussedQuestions_SupervisionRecords_RecordId",
                        column: x => x.RecordId,
                        principalTable: "SupervisionRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionParticipants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecordId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    ConfidenceBefore = table.Column<int>(type: "INTEGER", nullable: true),
                    ConfidenceAfter = table.Column<int>(type: "INTEGER", nullable: true),
                    AcknowledgedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisionParticipants_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SupervisionParticipants_SupervisionRecords_RecordId",
                        column: x => x.RecordId,
                        principalTable: "SupervisionRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionRecordAudit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecordId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionRecordAudit", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisionRecordAudit_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SupervisionRecordAudit_SupervisionRecords_RecordId",
                        column: x => x.RecordId,
                        principalTable: "SupervisionRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionReflections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecordId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionReflections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisionReflections_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SupervisionReflections_SupervisionRecords_RecordId",
                        column: x => x.RecordId,
                        principalTable: "SupervisionRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActionEvidenceFiles_ActionId",
                table: "ActionEvidenceFiles",
                column: "ActionId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionEvidenceFiles_Key",
                table: "ActionEvidenceFiles",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActionEvidenceFiles_UpdateId",
                table: "ActionEvidenceFiles",
                column: "UpdateId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionHistory_ActionId_OccurredUtc",
                table: "ActionHistory",
                columns: new[] { "ActionId", "OccurredUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionHistory_OccurredUtc",
                table: "ActionHistory",
                column: "OccurredUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlanEditors_UserId",
                table: "ActionPlanEditors",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlans_DocumentId",
                table: "ActionPlans",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlans_ObjectiveId",
                table: "ActionPlans",
                column: "ObjectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionUpdates_ActionId_CreatedUtc",
                table: "ActionUpdates",
                columns: new[] { "ActionId", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionUpdates_AuthorUserId",
                table: "ActionUpdates",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Agencies_Name",
                table: "Agencies",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserPasskeys_UserId",
                table: "AspNetUserPasskeys",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_AgencyId",
                table: "AspNetUsers",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssuranceAnswerRevisions_AnswerId",
                table: "AssuranceAnswerRevisions",
                column: "AnswerId");

            migrationBuilder.CreateIndex(
                name: "IX_AssuranceAnswerRevisions_AuthorUserId",
                table: "AssuranceAnswerRevisions",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_AssuranceAnswers_AgencyId",
                table: "AssuranceAnswers",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_AssuranceAnswers_RequestId_AgencyId",
                table: "AssuranceAnswers",
                columns: new[] { "RequestId", "AgencyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssuranceEvidenceFiles_AnswerId",
                table: "AssuranceEvidenceFiles",
                column: "AnswerId");

            migrationBuilder.CreateIndex(
                name: "IX_AssuranceEvidenceFiles_Key",
                table: "AssuranceEvidenceFiles",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssuranceEvidenceFiles_RequestId",
                table: "AssuranceEvidenceFiles",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_AssuranceRequestAgencies_AgencyId",
                table: "AssuranceRequestAgencies",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_AssuranceRequests_ActionId",
                table: "AssuranceRequests",
                column: "ActionId");

            migrationBuilder.CreateIndex(
                name: "IX_AssuranceRequests_DueOn",
                table: "AssuranceRequests",
                column: "DueOn");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_OccurredUtc",
                table: "AuditEntries",
                column: "OccurredUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_SubjectType_SubjectId",
                table: "AuditEntries",
                columns: new[] { "SubjectType", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentRedirects_DocumentId",
                table: "ContentRedirects",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentRedirects_FromPath",
                table: "ContentRedirects",
                column: "FromPath",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Documents_PublishedVersionId",
                table: "Documents",
                column: "PublishedVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_Type_Slug",
                table: "Documents",
                columns: new[] { "Type", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Documents_Type_State_ListingDate",
                table: "Documents",
                columns: new[] { "Type", "State", "ListingDate" });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentVersions_DocumentId_Number",
                table: "DocumentVersions",
                columns: new[] { "DocumentId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackAnswers_QuestionId_Number_After",
                table: "FeedbackAnswers",
                columns: new[] { "QuestionId", "Number", "After" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackAnswers_ResponseId_QuestionId",
                table: "FeedbackAnswers",
                columns: new[] { "ResponseId", "QuestionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackForms_Slug",
                table: "FeedbackForms",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackInvitations_FormId_SessionId",
                table: "FeedbackInvitations",
                columns: new[] { "FormId", "SessionId" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackInvitations_SessionId_UserId",
                table: "FeedbackInvitations",
                columns: new[] { "SessionId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackQuestions_FormId_RetiredUtc",
                table: "FeedbackQuestions",
                columns: new[] { "FormId", "RetiredUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackQuestions_Key",
                table: "FeedbackQuestions",
                column: "Key");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackResponses_DocumentId",
                table: "FeedbackResponses",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackResponses_FormId_AgencyId_SubmittedUtc",
                table: "FeedbackResponses",
                columns: new[] { "FormId", "AgencyId", "SubmittedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackResponses_FormId_SubmittedUtc",
                table: "FeedbackResponses",
                columns: new[] { "FormId", "SubmittedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackResponses_SessionId",
                table: "FeedbackResponses",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_Gcp2Register_AgencyId",
                table: "Gcp2Register",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Gcp2Register_BookingId",
                table: "Gcp2Register",
                column: "BookingId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Gcp2Register_CourseId",
                table: "Gcp2Register",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_Gcp2Register_RefresherDueUtc",
                table: "Gcp2Register",
                column: "RefresherDueUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Gcp2Register_SessionId",
                table: "Gcp2Register",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_Gcp2Register_UserId_TrainedOnUtc",
                table: "Gcp2Register",
                columns: new[] { "UserId", "TrainedOnUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ImpactAttendances_CourseId_AgencyId",
                table: "ImpactAttendances",
                columns: new[] { "CourseId", "AgencyId" });

            migrationBuilder.CreateIndex(
                name: "IX_ImpactAttendances_UserId",
                table: "ImpactAttendances",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ImpactBookings_CourseId_StartUtc",
                table: "ImpactBookings",
                columns: new[] { "CourseId", "StartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ImpactBookings_SessionId",
                table: "ImpactBookings",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_ImpactBriefingReads_DocumentId_Day_AgencyId",
                table: "ImpactBriefingReads",
                columns: new[] { "DocumentId", "Day", "AgencyId" });

            migrationBuilder.CreateIndex(
                name: "IX_ImpactBriefingReads_DocumentId_UserId_Day",
                table: "ImpactBriefingReads",
                columns: new[] { "DocumentId", "UserId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImpactBriefingReads_UserId",
                table: "ImpactBriefingReads",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ImpactDiscussions_DocumentId_HeldOn",
                table: "ImpactDiscussions",
                columns: new[] { "DocumentId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ImpactDiscussions_RecordId_UserId",
                table: "ImpactDiscussions",
                columns: new[] { "RecordId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImpactDiscussions_UserId",
                table: "ImpactDiscussions",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ImpactFeedback_DocumentId_SubmittedUtc",
                table: "ImpactFeedback",
                columns: new[] { "DocumentId", "SubmittedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ImpactFeedback_SessionId_SubmittedUtc",
                table: "ImpactFeedback",
                columns: new[] { "SessionId", "SubmittedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ImpactLearningActivities_UserId_On",
                table: "ImpactLearningActivities",
                columns: new[] { "UserId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_ImpactOutcomeFigures_ObjectiveId_Measure_QuarterStart",
                table: "ImpactOutcomeFigures",
                columns: new[] { "ObjectiveId", "Measure", "QuarterStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImpactReadCounts_Month",
                table: "ImpactReadCounts",
                column: "Month");

            migrationBuilder.CreateIndex(
                name: "IX_ImpactReflections_DocumentId_AgencyId",
                table: "ImpactReflections",
                columns: new[] { "DocumentId", "AgencyId" });

            migrationBuilder.CreateIndex(
                name: "IX_ImpactReflections_UserId_DocumentId",
                table: "ImpactReflections",
                columns: new[] { "UserId", "DocumentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MediaItems_FileName",
                table: "MediaItems",
                column: "FileName");

            migrationBuilder.CreateIndex(
                name: "IX_ObjectiveLinks_Kind_TargetId",
                table: "ObjectiveLinks",
                columns: new[] { "Kind", "TargetId" });

            migrationBuilder.CreateIndex(
                name: "IX_ObjectiveLinks_ObjectiveId_Kind_TargetId",
                table: "ObjectiveLinks",
                columns: new[] { "ObjectiveId", "Kind", "TargetId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ObjectiveMeasures_ObjectiveId",
                table: "ObjectiveMeasures",
                column: "ObjectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_MessageId",
                table: "OutboxMessages",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_SentUtc_IsDead_NextAttemptUtc",
                table: "OutboxMessages",
                columns: new[] { "SentUtc", "IsDead", "NextAttemptUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipGroups_Name",
                table: "PartnershipGroups",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanActions_DueOn",
                table: "PlanActions",
                column: "DueOn");

            migrationBuilder.CreateIndex(
                name: "IX_PlanActions_LeadUserId",
                table: "PlanActions",
                column: "LeadUserId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanActions_OwnerAgencyId",
                table: "PlanActions",
                column: "OwnerAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanActions_OwnerGroupId",
                table: "PlanActions",
                column: "OwnerGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanActions_PlanId_Number",
                table: "PlanActions",
                columns: new[] { "PlanId", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanActions_RecommendationId",
                table: "PlanActions",
                column: "RecommendationId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanActions_Status_DueOn",
                table: "PlanActions",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PreviousEmails_UndoKeyHash",
                table: "PreviousEmails",
                column: "UndoKeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PreviousEmails_UserId_NormalizedEmail",
                table: "PreviousEmails",
                columns: new[] { "UserId", "NormalizedEmail" });

            migrationBuilder.CreateIndex(
                name: "IX_ReflectionQuestions_QuestionId",
                table: "ReflectionQuestions",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_ReflectionQuestions_VersionId_Position",
                table: "ReflectionQuestions",
                columns: new[] { "VersionId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledContentChanges_CompletedUtc_CancelledUtc_DueUtc",
                table: "ScheduledContentChanges",
                columns: new[] { "CompletedUtc", "CancelledUtc", "DueUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledContentChanges_DocumentId",
                table: "ScheduledContentChanges",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledContentChanges_VersionId",
                table: "ScheduledContentChanges",
                column: "VersionId");

            migrationBuilder.CreateIndex(
                name: "IX_SearchJournal_CreatedUtc",
                table: "SearchJournal",
                column: "CreatedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionActions_OwnerId_Status",
                table: "SupervisionActions",
                columns: new[] { "OwnerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionActions_RecordId",
                table: "SupervisionActions",
                column: "RecordId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionActions_Status_DueOn",
                table: "SupervisionActions",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionDiscussedQuestions_QuestionId",
                table: "SupervisionDiscussedQuestions",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionDiscussedQuestions_RecordId",
                table: "SupervisionDiscussedQuestions",
                column: "RecordId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionParticipants_RecordId",
                table: "SupervisionParticipants",
                column: "RecordId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionParticipants_UserId_RecordId",
                table: "SupervisionParticipants",
                columns: new[] { "UserId", "RecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionQuestionSetQuestions_QuestionSetId_QuestionId",
                table: "SupervisionQuestionSetQuestions",
                columns: new[] { "QuestionSetId", "QuestionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionQuestionSets_DocumentId",
                table: "SupervisionQuestionSets",
                column: "DocumentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionRecordAudit_RecordId_AtUtc",
                table: "SupervisionRecordAudit",
                columns: new[] { "RecordId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionRecordAudit_UserId",
                table: "SupervisionRecordAudit",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionRecords_HeldOn",
                table: "SupervisionRecords",
                column: "HeldOn");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionRecords_QuestionSetId",
                table: "SupervisionRecords",
                column: "QuestionSetId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionRecords_SupervisorId",
                table: "SupervisionRecords",
                column: "SupervisorId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionReflections_AuthorId",
                table: "SupervisionReflections",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionReflections_RecordId",
                table: "SupervisionReflections",
                column: "RecordId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingApprovalRequests_BookingId",
                table: "TrainingApprovalRequests",
                column: "BookingId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingApprovalRequests_Outcome_ExpiresUtc",
                table: "TrainingApprovalRequests",
                columns: new[] { "Outcome", "ExpiresUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingApprovalRequests_TokenHash",
                table: "TrainingApprovalRequests",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingAttendance_BookingId",
                table: "TrainingAttendance",
                column: "BookingId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingBookings_AgencyId",
                table: "TrainingBookings",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingBookings_CalendarUid",
                table: "TrainingBookings",
                column: "CalendarUid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingBookings_SessionId_QueueNumber",
                table: "TrainingBookings",
                columns: new[] { "SessionId", "QueueNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingBookings_SessionId_Status_QueueNumber",
                table: "TrainingBookings",
                columns: new[] { "SessionId", "Status", "QueueNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingBookings_SessionId_UserId",
                table: "TrainingBookings",
                columns: new[] { "SessionId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingBookings_UserId_Status",
                table: "TrainingBookings",
                columns: new[] { "UserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingCourses_EvaluationFormId",
                table: "TrainingCourses",
                column: "EvaluationFormId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingCourses_PrerequisiteCourseId",
                table: "TrainingCourses",
                column: "PrerequisiteCourseId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingCourses_Slug",
                table: "TrainingCourses",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingSessions_CourseId",
                table: "TrainingSessions",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingSessions_StartUtc",
                table: "TrainingSessions",
                column: "StartUtc");

            migrationBuilder.CreateIndex(
                name: "IX_UserSessions_UserId_EndedUtc",
                table: "UserSessions",
                columns: new[] { "UserId", "EndedUtc" });

            migrationBuilder.AddForeignKey(
                name: "FK_ActionEvidenceFiles_ActionUpdates_UpdateId",
                table: "ActionEvidenceFiles",
                column: "UpdateId",
                principalTable: "ActionUpdates",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_ActionHistory_PlanActions_ActionId",
                table: "ActionHistory",
                column: "ActionId",
                principalTable: "PlanActions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_ActionPlanEditors_ActionPlans_PlanId",
                table: "ActionPlanEditors",
                column: "PlanId",
                principalTable: "ActionPlans",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_ActionPlans_Documents_DocumentId",
                table: "ActionPlans",
                column: "DocumentId",
                principalTable: "Documents",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ContentRedirects_Documents_DocumentId",
                table: "ContentRedirects",
                column: "DocumentId",
                principalTable: "Documents",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Documents_DocumentVersions_PublishedVersionId",
                table: "Documents",
                column: "PublishedVersionId",
                principalTable: "DocumentVersions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_DocumentVersions_Documents_DocumentId",
                table: "DocumentVersions");

            migrationBuilder.DropTable(
                name: "ActionEvidenceFiles");

            migrationBuilder.DropTable(
                name: "ActionHistory");

            migrationBuilder.DropTable(
                name: "ActionPlanEditors");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserPasskeys");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AssuranceAnswerRevisions");

            migrationBuilder.DropTable(
                name: "AssuranceEvidenceFiles");

            migrationBuilder.DropTable(
                name: "AssuranceRequestAgencies");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "ContentRedirects");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "FeedbackAnswers");

            migrationBuilder.DropTable(
                name: "FeedbackInvitations");

            migrationBuilder.DropTable(
                name: "FeedbackSpentTokens");

            migrationBuilder.DropTable(
                name: "Gcp2Register");

            migrationBuilder.DropTable(
                name: "ImpactAnonymousViews");

            migrationBuilder.DropTable(
                name: "ImpactAttendances");

            migrationBuilder.DropTable(
                name: "ImpactBookings");

            migrationBuilder.DropTable(
                name: "ImpactBriefingReads");

            migrationBuilder.DropTable(
                name: "ImpactDiscussions");

            migrationBuilder.DropTable(
                name: "ImpactFeedback");

            migrationBuilder.DropTable(
                name: "ImpactGcp2Targets");

            migrationBuilder.DropTable(
                name: "ImpactLearningActivities");

            migrationBuilder.DropTable(
                name: "ImpactOutcomeFigures");

            migrationBuilder.DropTable(
                name: "ImpactReadCounts");

            migrationBuilder.DropTable(
                name: "ImpactReflections");

            migrationBuilder.DropTable(
                name: "MediaBlobs");

            migrationBuilder.DropTable(
                name: "MediaItems");

            migrationBuilder.DropTable(
                name: "ObjectiveLinks");

            migrationBuilder.DropTable(
                name: "ObjectiveMeasures");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "PreviousEmails");

            migrationBuilder.DropTable(
                name: "ReflectionQuestions");

            migrationBuilder.DropTable(
                name: "ScheduledContentChanges");

            migrationBuilder.DropTable(
                name: "SearchJournal");

            migrationBuilder.DropTable(
                name: "SiteSettings");

            migrationBuilder.DropTable(
                name: "SupervisionActions");

            migrationBuilder.DropTable(
                name: "SupervisionDiscussedQuestions");

            migrationBuilder.DropTable(
                name: "SupervisionParticipants");

            migrationBuilder.DropTable(
                name: "SupervisionQuestionSetQuestions");

            migrationBuilder.DropTable(
                name: "SupervisionRecordAudit");

            migrationBuilder.DropTable(
                name: "SupervisionReflections");

            migrationBuilder.DropTable(
                name: "TrainingApprovalRequests");

            migrationBuilder.DropTable(
                name: "TrainingAttendance");

            migrationBuilder.DropTable(
                name: "UserSessions");

            migrationBuilder.DropTable(
                name: "ActionUpdates");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AssuranceAnswers");

            migrationBuilder.DropTable(
                name: "FeedbackQuestions");

            migrationBuilder.DropTable(
                name: "FeedbackResponses");

            migrationBuilder.DropTable(
                name: "SupervisionRecords");

            migrationBuilder.DropTable(
                name: "TrainingBookings");

            migrationBuilder.DropTable(
                name: "AssuranceRequests");

            migrationBuilder.DropTable(
                name: "SupervisionQuestionSets");

            migrationBuilder.DropTable(
                name: "TrainingSessions");

            migrationBuilder.DropTable(
                name: "PlanActions");

            migrationBuilder.DropTable(
                name: "TrainingCourses");

            migrationBuilder.DropTable(
                name: "ActionPlans");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "PartnershipGroups");

            migrationBuilder.DropTable(
                name: "FeedbackForms");

            migrationBuilder.DropTable(
                name: "Objectives");

            migrationBuilder.DropTable(
                name: "Agencies");

            migrationBuilder.DropTable(
                name: "Documents");

            migrationBuilder.DropTable(
                name: "DocumentVersions");
        }
    }
}
