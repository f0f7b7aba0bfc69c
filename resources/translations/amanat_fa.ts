<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>AddContactDialog</name>
    <message>
        <source>Add a contact</source>
        <translation>افزودن مخاطب</translation>
    </message>
    <message>
        <source>Paste the keys they sent you. The signing key lets Amanat recognise bundles they send; its fingerprint is shown here, to compare with them before marking them verified.</source>
        <translation>کلیدهایی را که برایتان فرستاده‌اند اینجا بچسبانید. با کلید امضا، امانت بسته‌هایی را که آن‌ها می‌فرستند می‌شناسد؛ اثر انگشت آن همین‌جا نشان داده می‌شود تا پیش از تأیید، آن را با خودشان مقایسه کنید.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>نام:</translation>
    </message>
    <message>
        <source>&amp;Public key:</source>
        <translation>کلید عمومی:</translation>
    </message>
    <message>
        <source>&amp;Signing key:</source>
        <translation>کلید امضا:</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>اثر انگشت:</translation>
    </message>
    <message>
        <source>Signing key of a contact</source>
        <translation>کلید امضای یک مخاطب</translation>
    </message>
</context>
<context>
    <name>AnnotationController</name>
    <message>
        <source>Annotations…</source>
        <translation>حاشیه‌نویسی‌ها…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>Every annotation in this archive, by tag, author and document</source>
        <translation>همهٔ حاشیه‌نویسی‌های این بایگانی، بر پایهٔ برچسب، نویسنده و سند</translation>
    </message>
    <message>
        <source>The text changed meanwhile; select the passage again.</source>
        <translation>متن در این فاصله تغییر کرده است؛ آن بخش را دوباره انتخاب کنید.</translation>
    </message>
    <message>
        <source>Annotate “%1”</source>
        <translation>حاشیه‌نویسی بر «%1»</translation>
    </message>
    <message>
        <source>Mark a region on page %1</source>
        <translation>مشخص کردن ناحیه‌ای در صفحهٔ %1</translation>
    </message>
    <message>
        <source>Annotate %1</source>
        <translation>حاشیه‌نویسی بر %1</translation>
    </message>
    <message>
        <source>Edit an annotation</source>
        <translation>ویرایش حاشیه‌نویسی</translation>
    </message>
    <message>
        <source>Link a region to a passage</source>
        <translation>پیوند دادن ناحیه به بخشی از متن</translation>
    </message>
    <message>
        <source>Delete an annotation</source>
        <translation>پاک کردن حاشیه‌نویسی</translation>
    </message>
</context>
<context>
    <name>AnnotationDialog</name>
    <message>
        <source>Annotation</source>
        <translation>حاشیه‌نویسی</translation>
    </message>
    <message>
        <source>What matters here, and why</source>
        <translation>چه چیزی اینجا مهم است و چرا</translation>
    </message>
    <message>
        <source>Private: stays in this archive</source>
        <translation>خصوصی: در همین بایگانی می‌ماند</translation>
    </message>
    <message>
        <source>Shareable: may go into bundles for advocates</source>
        <translation>قابل اشتراک: ممکن است در بسته‌هایی برای مدافعان برود</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>توضیح:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>برچسب‌ها:</translation>
    </message>
    <message>
        <source>Who may see it:</source>
        <translation>چه کسانی می‌توانند ببینند:</translation>
    </message>
    <message>
        <source>No passage</source>
        <translation>بدون بخشی از متن</translation>
    </message>
    <message>
        <source>A passage of the transcription this region shows; choosing one shows the other.</source>
        <translation>بخشی از رونویسی که این ناحیه نشان می‌دهد؛ با انتخاب یکی، دیگری نشان داده می‌شود.</translation>
    </message>
    <message>
        <source>Passage shown:</source>
        <translation>بخش نشان‌داده‌شده:</translation>
    </message>
</context>
<context>
    <name>AnnotationListModel</name>
    <message>
        <source>Passage</source>
        <translation>بخش متن</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>توضیح</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>برچسب‌ها</translation>
    </message>
    <message>
        <source>Who may see it</source>
        <translation>چه کسانی می‌توانند ببینند</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>نویسنده</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>سند</translation>
    </message>
</context>
<context>
    <name>AnnotationPanel</name>
    <message>
        <source>No annotations yet. Select a passage of a text and press Ctrl+Shift+A, mark a region of a page, or press %1 where a moment of a recording starts and again where it ends.</source>
        <translation>هنوز حاشیه‌نویسی‌ای نیست. بخشی از یک متن را انتخاب کنید و Ctrl+Shift+A را بزنید، ناحیه‌ای از یک صفحه را مشخص کنید، یا جایی که بازه‌ای از یک ضبط آغاز می‌شود %1 را بزنید و جایی که تمام می‌شود دوباره.</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>ویرایش…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>پاک کردن</translation>
    </message>
    <message>
        <source>Delete this annotation (Ctrl+Z brings it back)</source>
        <translation>پاک کردن این حاشیه‌نویسی (Ctrl+Z آن را برمی‌گرداند)</translation>
    </message>
    <message>
        <source>Delete annotation</source>
        <translation>پاک کردن حاشیه‌نویسی</translation>
    </message>
</context>
<context>
    <name>Annotations</name>
    <message>
        <source>Shareable</source>
        <translation>قابل اشتراک</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>خصوصی</translation>
    </message>
    <message>
        <source>Shareable: it may leave this archive in bundles for advocates.</source>
        <translation>قابل اشتراک: ممکن است در بسته‌هایی برای مدافعان از این بایگانی بیرون برود.</translation>
    </message>
    <message>
        <source>Private: it never leaves this archive, not even in a bundle.</source>
        <translation>خصوصی: هرگز از این بایگانی بیرون نمی‌رود، حتی در یک بسته.</translation>
    </message>
    <message>
        <source>Region on page %1</source>
        <translation>ناحیه‌ای در صفحهٔ %1</translation>
    </message>
    <message>
        <source>passage no longer in the text</source>
        <translation>این بخش دیگر در متن نیست</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Moment %1 of the recording</source>
        <translation>بازهٔ %1 از ضبط</translation>
    </message>
</context>
<context>
    <name>AnnotationsWindow</name>
    <message>
        <source>Annotations in this archive</source>
        <translation>حاشیه‌نویسی‌های این بایگانی</translation>
    </message>
    <message>
        <source>Private or shareable</source>
        <translation>خصوصی یا قابل اشتراک</translation>
    </message>
    <message>
        <source>Tag:</source>
        <translation>برچسب:</translation>
    </message>
    <message>
        <source>Author:</source>
        <translation>نویسنده:</translation>
    </message>
    <message>
        <source>Who may see it:</source>
        <translation>چه کسانی می‌توانند ببینند:</translation>
    </message>
    <message>
        <source>Document:</source>
        <translation>سند:</translation>
    </message>
    <message>
        <source>Annotations found: %1</source>
        <translation>حاشیه‌نویسی‌های پیدا‌شده: %1</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>هر برچسبی</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>هر کسی</translation>
    </message>
    <message>
        <source>Any document</source>
        <translation>هر سندی</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>بی‌عنوان</translation>
    </message>
</context>
<context>
    <name>ArchiveView</name>
    <message>
        <source>Empty the trash</source>
        <translation>خالی کردن سطل زباله</translation>
    </message>
    <message>
        <source>Remove the documents and pages in the trash (%1) for good? This is permanent: they cannot be restored, and it cannot be undone.</source>
        <translation>سندها و صفحه‌های داخل سطل زباله (%1) برای همیشه پاک شوند؟ این کار ماندگار است: نه می‌توان آن‌ها را بازگرداند و نه این کار را واگرد کرد.</translation>
    </message>
    <message>
        <source>Search names, letters, notes…</source>
        <translation>جست‌وجوی نام‌ها، نامه‌ها، یادداشت‌ها…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>واگرد</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>ازنو</translation>
    </message>
    <message>
        <source>Move to Trash</source>
        <translation>انتقال به سطل زباله</translation>
    </message>
    <message>
        <source>Restore from Trash</source>
        <translation>بازگرداندن از سطل زباله</translation>
    </message>
    <message>
        <source>Empty Trash…</source>
        <translation>خالی کردن سطل زباله…</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>جست‌وجو</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>ذخیره</translation>
    </message>
    <message>
        <source>Save the texts of this document (Ctrl+S)</source>
        <translation>ذخیرهٔ متن‌های این سند (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Timeline of This Person…</source>
        <translation>گاه‌شمار این شخص…</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>Edit Details…</source>
        <translation>ویرایش مشخصات…</translation>
    </message>
    <message>
        <source>&amp;Reading Layout</source>
        <translation>چیدمان خواندن</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>Give the whole window to the page and its text; the sidebar and the list come back with the same key (Ctrl+Shift+R)</source>
        <translation>همهٔ پنجره را به صفحه و متنش بدهید؛ ستون کناری و فهرست با همین کلید برمی‌گردند (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>&amp;Details Beside the Text</source>
        <translation>مشخصات کنار متن</translation>
    </message>
    <message>
        <source>Documents in the trash can be restored until the trash is emptied. Emptying it removes them for good.</source>
        <translation>سندهای داخل سطل زباله را تا وقتی سطل خالی نشده می‌توان بازگرداند. با خالی کردن سطل، برای همیشه پاک می‌شوند.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>بازگرداندن</translation>
    </message>
    <message>
        <source>Documents removed for good: %1.</source>
        <translation>سندهایی که برای همیشه پاک شدند: %1.</translation>
    </message>
    <message>
        <source>Save the texts</source>
        <translation>ذخیرهٔ متن‌ها</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Choose a person in the sidebar first.</source>
        <translation>اول شخصی را در ستون کناری انتخاب کنید.</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>added</source>
        <translation>افزوده شد</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>تغییر کرد</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>پاک شد</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>وارد شد</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>برداشته شد</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>بازگردانده شد</translation>
    </message>
    <message>
        <source>renamed</source>
        <translation>نامش عوض شد</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>جابه‌جا شد</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>یکی شد</translation>
    </message>
    <message>
        <source>document</source>
        <translation>سند</translation>
    </message>
    <message>
        <source>page</source>
        <translation>صفحه</translation>
    </message>
    <message>
        <source>text</source>
        <translation>متن</translation>
    </message>
    <message>
        <source>person</source>
        <translation>شخص</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>برچسب</translation>
    </message>
    <message>
        <source>annotation</source>
        <translation>حاشیه‌نویسی</translation>
    </message>
    <message>
        <source>event</source>
        <translation>رویداد</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>مخاطب</translation>
    </message>
    <message>
        <source>setting</source>
        <translation>تنظیم</translation>
    </message>
    <message>
        <source>bundle</source>
        <translation>بسته</translation>
    </message>
    <message>
        <source>archive</source>
        <translation>بایگانی</translation>
    </message>
    <message>
        <source>redaction</source>
        <translation>پوشش</translation>
    </message>
    <message>
        <source>Audit Log…</source>
        <translation>گزارش تغییرات…</translation>
    </message>
    <message>
        <source>Every change recorded in this archive, and whether the record is whole</source>
        <translation>همهٔ تغییرهایی که در این بایگانی ثبت شده، و اینکه این گزارش دست‌نخورده است یا نه</translation>
    </message>
</context>
<context>
    <name>AuditLogModel</name>
    <message>
        <source>Time</source>
        <translation>زمان</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>چه کسی</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>کار</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>مورد</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>خلاصه</translation>
    </message>
</context>
<context>
    <name>AuditLogWindow</name>
    <message>
        <source>Audit Log</source>
        <translation>گزارش تغییرات</translation>
    </message>
    <message>
        <source>Only the document shown, with its pages, texts and annotations</source>
        <translation>فقط سندی که نشان داده می‌شود، با صفحه‌ها، متن‌ها و حاشیه‌نویسی‌هایش</translation>
    </message>
    <message>
        <source>Verify Chain</source>
        <translation>بررسی زنجیره</translation>
    </message>
    <message>
        <source>Recompute every entry&apos;s hash: an entry changed after it was written shows</source>
        <translation>چکیدهٔ هر مورد دوباره حساب می‌شود: موردی که پس از نوشته شدن تغییر کرده پیدا می‌شود</translation>
    </message>
    <message>
        <source>Entries: %1</source>
        <translation>موردها: %1</translation>
    </message>
    <message numerus="yes">
        <source>The audit log is intact: %n entries chain correctly.</source>
        <translation>
            <numerusform>گزارش تغییرات سالم است: %Ln مورد درست به هم زنجیر شده‌اند.</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit log is broken at entry %1: an entry was changed, removed or reordered after it was written. Restore the archive from a backup.</source>
        <translation>گزارش تغییرات در مورد %1 شکسته است: موردی پس از نوشته شدن تغییر کرده، برداشته شده یا جابه‌جا شده است. بایگانی را از یک پشتیبان بازگردانید.</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Back up the archive</source>
        <translation>پشتیبان‌گیری از بایگانی</translation>
    </message>
    <message>
        <source>The whole archive goes into one file, encrypted like the archive: the same password or recovery code opens it. Keep it away from this computer, on a USB stick or another disk, so that one seizure or one failure does not take both.</source>
        <translation>همهٔ بایگانی در یک پرونده می‌رود، رمزگذاری‌شده مانند خود بایگانی: همان رمز یا کد بازیابی آن را باز می‌کند. آن را دور از این رایانه نگه دارید، روی یک فلش یا دیسکی دیگر، تا یک توقیف یا یک خرابی هر دو را با هم نبرد.</translation>
    </message>
    <message>
        <source>Back up to: {path}</source>
        <translation>پشتیبان در: {path}</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>پشتیبان‌گیری</translation>
    </message>
    <message>
        <source>Writing the backup, then reading it back to be sure…</source>
        <translation>در حال نوشتن نسخهٔ پشتیبان، سپس خواندن دوبارهٔ آن برای اطمینان…</translation>
    </message>
    <message>
        <source>The backup was written to {path} and read back: it is whole. Keep it somewhere safe, away from this computer.</source>
        <translation>نسخهٔ پشتیبان در {path} نوشته و دوباره خوانده شد: سالم است. آن را جایی امن، دور از این رایانه، نگه دارید.</translation>
    </message>
</context>
<context>
    <name>BundleImportDialog</name>
    <message>
        <source>Import a bundle</source>
        <translation>وارد کردن بسته</translation>
    </message>
    <message>
        <source>The bundle file (.age)</source>
        <translation>پروندهٔ بسته (‎.age)</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>انتخاب…</translation>
    </message>
    <message>
        <source>It was sent with a &amp;passphrase:</source>
        <translation>با یک عبارت رمز فرستاده شده است:</translation>
    </message>
    <message>
        <source>It was sent to this archive&apos;s own &amp;key</source>
        <translation>برای کلید خودِ این بایگانی فرستاده شده است</translation>
    </message>
    <message>
        <source>The bundle is checked completely first: who signed it, that nothing in it was changed, and what it would add. Nothing is imported until you say so.</source>
        <translation>بسته اول کامل بررسی می‌شود: چه کسی امضایش کرده، اینکه چیزی در آن تغییر نکرده، و چه چیزهایی اضافه خواهد کرد. تا شما نگویید چیزی وارد نمی‌شود.</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>پرونده:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <source>I compared the fingerprint with the sender and accept this unknown sender</source>
        <translation>اثر انگشت را با فرستنده مقایسه کرده‌ام و این فرستندهٔ ناشناس را می‌پذیرم</translation>
    </message>
    <message>
        <source>I looked at what it adds to records already here, and I accept it</source>
        <translation>آنچه به سوابقِ موجود در اینجا می‌افزاید را دیدم و می‌پذیرم</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>بررسی</translation>
    </message>
    <message>
        <source>Choose the bundle to import</source>
        <translation>بسته‌ای را که باید وارد شود انتخاب کنید</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>وارد کردن</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <source>Checking the bundle…</source>
        <translation>در حال بررسی بسته…</translation>
    </message>
    <message>
        <source>Signed by %1, a contact whose fingerprint you verified.</source>
        <translation>امضاشده به دست %1، مخاطبی که اثر انگشتش را تأیید کرده‌اید.</translation>
    </message>
    <message>
        <source>Signed by %1, a contact whose fingerprint you have not verified yet: compare it with them before trusting what the bundle says.</source>
        <translation>امضاشده به دست %1، مخاطبی که هنوز اثر انگشتش را تأیید نکرده‌اید: پیش از اعتماد به محتوای بسته، آن را با خودِ او مقایسه کنید.</translation>
    </message>
    <message>
        <source>Signed by this archive itself.</source>
        <translation>امضاشده به دست خودِ این بایگانی.</translation>
    </message>
    <message>
        <source>Signed by an unknown sender, none of your contacts. Ask the sender to read you their fingerprint and compare it with this one before importing:</source>
        <translation>امضاشده به دست فرستنده‌ای ناشناس که جزو مخاطبان شما نیست. پیش از وارد کردن، از فرستنده بخواهید اثر انگشتش را برایتان بخواند و آن را با این مقایسه کنید:</translation>
    </message>
    <message>
        <source>This bundle was imported before: importing it again changes nothing.</source>
        <translation>این بسته پیش‌تر وارد شده است: وارد کردن دوباره‌اش چیزی را تغییر نمی‌دهد.</translation>
    </message>
    <message>
        <source>The signer made this bundle for someone else: it was encrypted again, to you, by someone who could open it.</source>
        <translation>امضاکننده این بسته را برای کس دیگری ساخته است: کسی که می‌توانست بازش کند، آن را دوباره برای شما رمزگذاری کرده است.</translation>
    </message>
    <message>
        <source>In the bundle</source>
        <translation>در بسته</translation>
    </message>
    <message>
        <source>Importing would add %1 and leave %2 already here unchanged.</source>
        <translation>وارد کردن، %1 را اضافه می‌کند و %2 را که از پیش اینجاست دست‌نخورده می‌گذارد.</translation>
    </message>
    <message>
        <source>“%1” would be added to “%2”, which was here before.</source>
        <translation>«%1» به «%2» افزوده می‌شود، که از پیش اینجا بوده است.</translation>
    </message>
    <message>
        <source>Additions to records already here</source>
        <translation>افزوده‌ها به سوابقی که از پیش اینجا هستند</translation>
    </message>
    <message>
        <source>The signer is not a contact whose fingerprint you verified: these are imported only if you confirm them below.</source>
        <translation>امضاکننده مخاطبی نیست که اثر انگشتش را تأیید کرده باشید: این‌ها فقط اگر در پایین تأییدشان کنید وارد می‌شوند.</translation>
    </message>
    <message>
        <source>“%1” differs from the version here: both are kept, theirs marked “from bundle”.</source>
        <translation>«%1» با نسخهٔ اینجا فرق دارد: هر دو نگه داشته می‌شوند و نسخهٔ آن‌ها با «از بسته» علامت می‌خورد.</translation>
    </message>
    <message>
        <source>Changed on both sides</source>
        <translation>در هر دو طرف تغییر کرده</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%Ln سند</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%Ln صفحه</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n text(s)</source>
        <translation>
            <numerusform>%Ln متن</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%Ln نفر</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%Ln رویداد</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>%Ln حاشیه‌نویسی</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tag(s)</source>
        <translation>
            <numerusform>%Ln برچسب</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>در حال وارد کردن…</translation>
    </message>
    <message>
        <source>Nothing changed: this bundle was imported before.</source>
        <translation>چیزی تغییر نکرد: این بسته پیش‌تر وارد شده بود.</translation>
    </message>
    <message>
        <source>Imported: %1 added, %2 already here.</source>
        <translation>وارد شد: %1 اضافه شد، %2 از پیش اینجا بود.</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>در حال توقف…</translation>
    </message>
</context>
<context>
    <name>BundleScreens</name>
    <message>
        <source>My &amp;keys…</source>
        <translation>کلیدهای من…</translation>
    </message>
    <message>
        <source>The keys to give to those who send you bundles</source>
        <translation>کلیدهایی که باید به فرستندگان بسته بدهید</translation>
    </message>
    <message>
        <source>&amp;Contacts…</source>
        <translation>مخاطبان…</translation>
    </message>
    <message>
        <source>&amp;Export bundle…</source>
        <translation>ساختن بسته…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Send documents to advocates, encrypted (Ctrl+E)</source>
        <translation>فرستادن سندها برای مدافعان، به‌صورت رمزگذاری‌شده (Ctrl+E)</translation>
    </message>
    <message>
        <source>&amp;Import bundle…</source>
        <translation>وارد کردن بسته…</translation>
    </message>
    <message>
        <source>&amp;Bundles</source>
        <translation>بسته‌ها</translation>
    </message>
</context>
<context>
    <name>CareScreens</name>
    <message>
        <source>Change &amp;password…</source>
        <translation>تغییر &amp;رمز…</translation>
    </message>
    <message>
        <source>&amp;Recovery code…</source>
        <translation>کد &amp;بازیابی…</translation>
    </message>
    <message>
        <source>&amp;Back up…</source>
        <translation>&amp;پشتیبان‌گیری…</translation>
    </message>
    <message>
        <source>Write the whole archive to one file: to hand to someone or keep elsewhere</source>
        <translation>نوشتن همهٔ بایگانی در یک پرونده: برای سپردن به کسی یا نگه‌داشتن در جایی دیگر</translation>
    </message>
    <message>
        <source>Back up to a &amp;folder…</source>
        <translation>پشتیبان‌گیری در یک &amp;پوشه…</translation>
    </message>
    <message>
        <source>Keep a backup up to date in a folder, on a USB stick: only what is new is copied, so it is quick each time</source>
        <translation>نسخهٔ پشتیبانی را در پوشه‌ای روی فلش به‌روز نگه دارید: تنها آنچه تازه است رونوشت می‌شود، پس هر بار زود تمام می‌شود</translation>
    </message>
    <message>
        <source>&amp;Check…</source>
        <translation>&amp;وارسی…</translation>
    </message>
    <message>
        <source>Check that nothing in the archive is damaged</source>
        <translation>وارسی اینکه چیزی در بایگانی آسیب ندیده باشد</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;بایگانی</translation>
    </message>
    <message>
        <source>Where to keep the backup</source>
        <translation>نسخهٔ پشتیبان کجا نگه داشته شود</translation>
    </message>
    <message>
        <source>The folder that keeps the backup (on a USB stick)</source>
        <translation>پوشه‌ای که نسخهٔ پشتیبان را نگه می‌دارد (روی فلش)</translation>
    </message>
    <message>
        <source>No backup yet</source>
        <translation>هنوز نسخهٔ پشتیبانی نیست</translation>
    </message>
    <message>
        <source>Last backup: {date}</source>
        <translation>آخرین پشتیبان: {date}</translation>
    </message>
    <message>
        <source>This archive has never been backed up. A backup on a USB stick kept elsewhere saves the letters if this computer is lost, broken or taken. Choose File ▸ Archive ▸ Back up…</source>
        <translation>از این بایگانی هرگز نسخهٔ پشتیبان گرفته نشده است. نسخه‌ای روی فلشی که جای دیگری نگه داشته شود، نامه‌ها را نجات می‌دهد اگر این رایانه گم شود، خراب شود یا گرفته شود. پرونده ◂ بایگانی ◂ پشتیبان‌گیری… را برگزینید.</translation>
    </message>
    <message numerus="yes">
        <source>The last backup of this archive is %n days old. Choose File ▸ Archive ▸ Back up… to make a new one.</source>
        <translation>
            <numerusform>آخرین نسخهٔ پشتیبان این بایگانی %Ln روز پیش گرفته شده است. برای گرفتن نسخه‌ای تازه، پرونده ◂ بایگانی ◂ پشتیبان‌گیری… را برگزینید.</numerusform>
        </translation>
    </message>
    <message>
        <source>Time for a backup</source>
        <translation>وقت پشتیبان‌گیری است</translation>
    </message>
    <message>
        <source>Back up now…</source>
        <translation>اکنون پشتیبان بگیر…</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>بعداً</translation>
    </message>
</context>
<context>
    <name>CaseFileDialog</name>
    <message>
        <source>Export Case File</source>
        <translation>صدور پروندهٔ موردی</translation>
    </message>
    <message>
        <source>The case file of %1: a PDF with the chronology and each document with its pages and texts. It holds what a bundle of this person would: withdrawn and private testimony and private notes stay out.</source>
        <translation>پروندهٔ موردی %1: یک PDF با گاه‌شمار و هر سند با صفحه‌ها و متن‌هایش. همان چیزی را دارد که بستهٔ این فرد داشت: شهادت‌های پس‌گرفته و خصوصی و یادداشت‌های خصوصی در آن نمی‌آیند.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>در حال شروع…</translation>
    </message>
    <message>
        <source>case file</source>
        <translation>پرونده موردی</translation>
    </message>
    <message>
        <source>Save the case file as</source>
        <translation>ذخیرهٔ پروندهٔ موردی با نام</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Adding page picture %1 of %2</source>
        <translation>افزودن تصویر صفحهٔ %1 از %2</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>در حال توقف…</translation>
    </message>
    <message>
        <source>Wrote %1: %2 documents, %3 page pictures. The file is not encrypted: keep it safe.</source>
        <translation>%1 نوشته شد: %2 سند، %3 تصویر صفحه. این فایل رمزگذاری نشده است: آن را امن نگه دارید.</translation>
    </message>
    <message>
        <source>Stopped. No file was written.</source>
        <translation>متوقف شد. فایلی نوشته نشد.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change the password</source>
        <translation>تغییر رمز</translation>
    </message>
    <message>
        <source>After the change only the new password opens this archive. Backups made before still open with the password they were made with.</source>
        <translation>پس از تغییر، تنها رمز تازه این بایگانی را باز می‌کند. نسخه‌های پشتیبانِ پیشین همچنان با رمزی باز می‌شوند که هنگام ساختنشان داشتند.</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>رمز کنونی:</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>تغییر</translation>
    </message>
    <message>
        <source>Changing the password… this takes a few seconds.</source>
        <translation>در حال تغییر رمز… چند ثانیه طول می‌کشد.</translation>
    </message>
    <message>
        <source>The password was changed. From now on, only the new one opens this archive.</source>
        <translation>رمز تغییر کرد. از این پس تنها رمز تازه این بایگانی را باز می‌کند.</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <source>Check the archive</source>
        <translation>وارسی بایگانی</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>وارسی</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>در حال وارسی…</translation>
    </message>
    <message>
        <source>the encryption</source>
        <translation>رمزگذاری</translation>
    </message>
    <message>
        <source>the database</source>
        <translation>پایگاه داده</translation>
    </message>
    <message>
        <source>Amanat checks that nothing in the archive was damaged or changed behind its back: the encryption, the database, that every stored page is in its place, and the log of changes. Nothing is changed.</source>
        <translation>امانت وارسی می‌کند که چیزی در بایگانی آسیب ندیده یا پنهانی تغییر نکرده باشد: رمزگذاری، پایگاه داده، این‌که هر صفحهٔ نگه‌داشته‌شده سر جای خود باشد، و دفتر تغییرات. چیزی تغییر نمی‌کند.</translation>
    </message>
    <message>
        <source>Also open every stored page (slower)</source>
        <translation>هر صفحهٔ نگه‌داشته‌شده را هم باز کن (کندتر)</translation>
    </message>
    <message>
        <source>Reads the whole archive and compares every page with its fingerprint. A check stopped half-way goes on from there the next time.</source>
        <translation>همهٔ بایگانی را می‌خواند و هر صفحه را با اثر انگشتش مقایسه می‌کند. وارسی‌ای که نیمه‌کاره بماند، بار بعد از همان‌جا ادامه می‌یابد.</translation>
    </message>
    <message>
        <source>every scan in its place</source>
        <translation>هر اسکن سر جای خود</translation>
    </message>
    <message numerus="yes">
        <source>all %n stored files, each opened</source>
        <translation>
            <numerusform>هر %Ln پروندهٔ نگه‌داشته‌شده، یک‌به‌یک بازشده</numerusform>
        </translation>
    </message>
    <message>
        <source>the scans (there are none yet)</source>
        <translation>اسکن‌ها (هنوز اسکنی نیست)</translation>
    </message>
    <message>
        <source>some scans, which could not be read</source>
        <translation>برخی اسکن‌ها، که خوانده نشدند</translation>
    </message>
    <message numerus="yes">
        <source>%n scans</source>
        <translation>
            <numerusform>%Ln اسکن</numerusform>
        </translation>
    </message>
    <message>
        <source>the log of changes</source>
        <translation>دفتر تغییرات</translation>
    </message>
    <message>
        <source>Everything is whole: {parts}.</source>
        <translation>همه چیز سالم است: {parts}.</translation>
    </message>
    <message>
        <source>Nothing needs doing. Keep making backups.</source>
        <translation>کاری لازم نیست. پشتیبان‌گیری را ادامه دهید.</translation>
    </message>
    <message>
        <source>Whole: {parts}.</source>
        <translation>سالم: {parts}.</translation>
    </message>
    <message>
        <source>Damaged: {parts}.</source>
        <translation>آسیب‌دیده: {parts}.</translation>
    </message>
    <message>
        <source>What to do: change nothing more in this archive. Restore your latest backup into a new folder (on the welcome screen, “Restore a backup…”) and check that copy. Keep this damaged archive until the restored one is checked and whole.</source>
        <translation>چه باید کرد: دیگر چیزی در این بایگانی تغییر ندهید. آخرین نسخهٔ پشتیبان خود را در پوشه‌ای تازه بازگردانید (در صفحهٔ خوش‌آمد، «بازگرداندن نسخهٔ پشتیبان…») و آن نسخه را وارسی کنید. این بایگانیِ آسیب‌دیده را نگه دارید تا بایگانیِ بازگردانده وارسی و سالم شناخته شود.</translation>
    </message>
    <message>
        <source>In “%1”, page %2 is damaged or missing.</source>
        <translation>در «%1»، صفحهٔ %2 آسیب دیده یا گم شده است.</translation>
    </message>
    <message>
        <source>In “%1”, pages %2 are damaged or missing.</source>
        <translation>در «%1»، صفحه‌های %2 آسیب دیده یا گم شده‌اند.</translation>
    </message>
</context>
<context>
    <name>CheckProblems</name>
    <message>
        <source>it is missing</source>
        <translation>گم شده است</translation>
    </message>
    <message>
        <source>it does not follow the entry before it</source>
        <translation>پس از موردِ پیش از خود نمی‌آید</translation>
    </message>
    <message>
        <source>its content was changed after it was written</source>
        <translation>محتوایش پس از نوشته شدن تغییر کرده است</translation>
    </message>
    <message>
        <source>encrypted page check: {message}</source>
        <translation>وارسی صفحه‌های رمزگذاری‌شده: {message}</translation>
    </message>
    <message>
        <source>database check: {message}</source>
        <translation>وارسی پایگاه داده: {message}</translation>
    </message>
    <message>
        <source>database check: the database cannot be read to the end</source>
        <translation>وارسی پایگاه داده: پایگاه داده تا پایان خوانده نمی‌شود</translation>
    </message>
    <message>
        <source>original files: the index of them could not be read</source>
        <translation>پرونده‌های اصلی: فهرست آن‌ها خوانده نشد</translation>
    </message>
    <message>
        <source>segment {name}… is missing</source>
        <translation>قطعهٔ ذخیره‌سازی {name}… نیست</translation>
    </message>
    <message>
        <source>segment {name}… is shorter than recorded ({size} of {length})</source>
        <translation>قطعهٔ ذخیره‌سازی {name}… کوتاه‌تر از اندازهٔ ثبت‌شده است ({size} از {length})</translation>
    </message>
    <message>
        <source>object {name}… lies outside its place</source>
        <translation>شیء ذخیره‌شدهٔ {name}… بیرون از جای خود است</translation>
    </message>
    <message>
        <source>the original file {name}… has no stored object</source>
        <translation>پروندهٔ اصلی {name}… شیء ذخیره‌شده‌ای ندارد</translation>
    </message>
    <message>
        <source>object {name}… belongs to no page</source>
        <translation>شیء ذخیره‌شدهٔ {name}… از آنِ هیچ صفحه‌ای نیست</translation>
    </message>
    <message>
        <source>the document “{title}” has damaged or missing page files (page {pages})</source>
        <translation>پرونده‌های صفحهٔ سند «{title}» آسیب دیده یا گم شده‌اند (صفحهٔ {pages})</translation>
    </message>
    <message>
        <source>audit log: it could not be read to the end</source>
        <translation>دفتر تغییرات: تا پایان خوانده نشد</translation>
    </message>
    <message>
        <source>audit log entry {entry} is broken: {reason}</source>
        <translation>مورد {entry} در دفتر تغییرات شکسته است: {reason}</translation>
    </message>
</context>
<context>
    <name>ContactChoiceModel</name>
    <message>
        <source>verified</source>
        <translation>تأییدشده</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>تأییدنشده</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>ContactListModel</name>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Public key</source>
        <translation>کلید عمومی</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>اثر انگشت</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>تأییدشده</translation>
    </message>
    <message>
        <source>no signing key</source>
        <translation>بدون کلید امضا</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>تأییدشده</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>تأییدنشده</translation>
    </message>
</context>
<context>
    <name>ContactsDialog</name>
    <message>
        <source>Mark as verified</source>
        <translation>علامت زدن به‌عنوان تأییدشده</translation>
    </message>
    <message>
        <source>Ask %1 to read you the fingerprint their Amanat shows under “My keys”. Mark them verified only if it is exactly this:</source>
        <translation>از %1 بخواهید اثر انگشتی را که امانتِ او زیر «کلیدهای من» نشان می‌دهد برایتان بخواند. فقط اگر دقیقاً همین بود، او را تأییدشده علامت بزنید:</translation>
    </message>
    <message>
        <source>It matches</source>
        <translation>مطابقت دارد</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>مخاطبان</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>افزودن…</translation>
    </message>
    <message>
        <source>Mark as &amp;verified…</source>
        <translation>علامت زدن به‌عنوان تأییدشده…</translation>
    </message>
    <message>
        <source>After comparing the fingerprint with them by phone or in person</source>
        <translation>پس از مقایسهٔ اثر انگشت با خودِ او، تلفنی یا حضوری</translation>
    </message>
    <message>
        <source>Signing &amp;key…</source>
        <translation>کلید امضا…</translation>
    </message>
    <message>
        <source>Add the signing key they sent you</source>
        <translation>افزودن کلید امضایی که برایتان فرستاده‌اند</translation>
    </message>
    <message>
        <source>%1 is marked verified.</source>
        <translation>%1 به‌عنوان تأییدشده علامت خورد.</translation>
    </message>
</context>
<context>
    <name>CreateArchiveDialog</name>
    <message>
        <source>Create a new archive</source>
        <translation>ساختن بایگانی تازه</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>نامه‌ها</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>انتخاب…</translation>
    </message>
    <message>
        <source>Make a recovery code to write down or print</source>
        <translation>ساختن کد بازیابی برای یادداشت یا چاپ</translation>
    </message>
    <message>
        <source>If the password is forgotten, the recovery code opens the archive. Keep it somewhere safe, away from the computer.</source>
        <translation>اگر رمز فراموش شود، کد بازیابی بایگانی را باز می‌کند. آن را جایی امن و دور از رایانه نگه دارید.</translation>
    </message>
    <message>
        <source>Nobody can open the archive without its password, not even the makers of Amanat. Several unrelated words make a password that is strong and easy to remember.</source>
        <translation>هیچ‌کس بدون رمز نمی‌تواند بایگانی را باز کند، حتی سازندگان امانت. چند واژهٔ بی‌ربط کنار هم رمزی می‌سازند که هم محکم است و هم به خاطر سپردنش آسان.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>نام:</translation>
    </message>
    <message>
        <source>Keep it in:</source>
        <translation>محل نگه‌داری:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>رمز:</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>تکرار رمز:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>ساختن</translation>
    </message>
    <message>
        <source>Where to keep the archive</source>
        <translation>بایگانی کجا نگه داشته شود</translation>
    </message>
</context>
<context>
    <name>DateEntry</name>
    <message>
        <source>e.g. 14 Mordad 1403, 1403/05/14, spring 2011 (empty: undated)</source>
        <translation>مثلاً ۱۴ مرداد ۱۴۰۳، ‏۱۴۰۳/۰۵/۱۴ یا بهار ۱۳۹۰ (خالی: بدون تاریخ)</translation>
    </message>
    <message>
        <source>Solar Hijri or Gregorian, in Persian or Latin digits: 1401/07/07, 7 Mehr 1401, Mehr 1401, March 2011, spring 2011; “c.” or “حدود” before a date that is not certain.</source>
        <translation>هجری شمسی یا میلادی، با رقم‌های فارسی یا لاتین: ۱۴۰۱/۰۷/۰۷، ۷ مهر ۱۴۰۱، مهر ۱۴۰۱، مارس ۲۰۱۱، بهار ۱۳۹۰؛ و «حدود» پیش از تاریخی که قطعی نیست.</translation>
    </message>
    <message>
        <source>Undated</source>
        <translation>بدون تاریخ</translation>
    </message>
    <message>
        <source>%1 = %2 (%3)</source>
        <translation>%1 = %2 (%3)</translation>
    </message>
</context>
<context>
    <name>DocumentDetailsDialog</name>
    <message>
        <source>Details of the document</source>
        <translation>مشخصات سند</translation>
    </message>
    <message>
        <source>Nobody named</source>
        <translation>کسی نام برده نشده</translation>
    </message>
    <message>
        <source>Tick the people this document was written to.</source>
        <translation>کسانی را که این سند خطاب به آن‌هاست علامت بزنید.</translation>
    </message>
    <message>
        <source>Tick the people this document is about.</source>
        <translation>کسانی را که این سند دربارهٔ آن‌هاست علامت بزنید.</translation>
    </message>
    <message>
        <source>Who gave it to the archive</source>
        <translation>چه کسی آن را به بایگانی داد</translation>
    </message>
    <message>
        <source>e.g. handed over at a visit, a photo by phone</source>
        <translation>مثلاً در ملاقات تحویل داده شد، عکسی با گوشی</translation>
    </message>
    <message>
        <source>Consent of the witness</source>
        <translation>رضایت شاهد</translation>
    </message>
    <message>
        <source>The witness must be anonymised</source>
        <translation>نام شاهد باید پنهان بماند</translation>
    </message>
    <message>
        <source>The witness has withdrawn consent</source>
        <translation>شاهد رضایتش را پس گرفته است</translation>
    </message>
    <message>
        <source>Withdrawn testimony never leaves the archive: it is left out of every bundle and export, whoever it was meant for. It stays here, so nothing is lost if the witness changes their mind again.</source>
        <translation>شهادتی که رضایتش پس گرفته شده هرگز از بایگانی بیرون نمی‌رود: در هیچ بسته و خروجی‌ای، برای هر کسی که باشد، گذاشته نمی‌شود. اما همین‌جا می‌ماند تا اگر شاهد دوباره نظرش را عوض کرد، چیزی از دست نرفته باشد.</translation>
    </message>
    <message>
        <source>Who may see it:</source>
        <translation>چه کسانی می‌توانند ببینند:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>عنوان:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>نوع:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>تاریخ:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>از:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>به:</translation>
    </message>
    <message>
        <source>About:</source>
        <translation>دربارهٔ:</translation>
    </message>
    <message>
        <source>How it reached the archive</source>
        <translation>چگونه به بایگانی رسید</translation>
    </message>
    <message>
        <source>Received from:</source>
        <translation>دریافت از:</translation>
    </message>
    <message>
        <source>Received on:</source>
        <translation>تاریخ دریافت:</translation>
    </message>
    <message>
        <source>How:</source>
        <translation>چگونه:</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>People</source>
        <translation>افراد</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>برچسب‌ها</translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <source>Edit details…</source>
        <translation>ویرایش مشخصات…</translation>
    </message>
    <message>
        <source>Change the title, date, people, provenance and consent of this document</source>
        <translation>تغییر عنوان، تاریخ، افراد، منشأ و رضایتِ این سند</translation>
    </message>
    <message>
        <source>Add text</source>
        <translation>افزودن متن</translation>
    </message>
    <message>
        <source>Add a transcription, translation or summary to this document</source>
        <translation>افزودن رونویسی، ترجمه یا خلاصه به این سند</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>مشخصات</translation>
    </message>
    <message>
        <source>Show or hide the details, tags and annotations beside the text</source>
        <translation>نشان دادن یا پنهان کردن مشخصات، برچسب‌ها و حاشیه‌نویسی‌ها در کنار متن</translation>
    </message>
    <message>
        <source>Choose a document from the list.</source>
        <translation>سندی را از فهرست انتخاب کنید.</translation>
    </message>
    <message>
        <source>Annotations (%1)</source>
        <translation>حاشیه‌نویسی‌ها (%1)</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>حاشیه‌نویسی‌ها</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1 •</source>
        <translation>%1 •</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>نوع:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>تاریخ:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>از:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>به:</translation>
    </message>
    <message>
        <source>About:</source>
        <translation>دربارهٔ:</translation>
    </message>
    <message>
        <source>Received from:</source>
        <translation>دریافت از:</translation>
    </message>
    <message>
        <source>How:</source>
        <translation>چگونه:</translation>
    </message>
    <message>
        <source>the witness must be anonymised</source>
        <translation>نام شاهد باید پنهان بماند</translation>
    </message>
    <message>
        <source>consent withdrawn: never leaves the archive</source>
        <translation>رضایت پس گرفته شده: هرگز از بایگانی بیرون نمی‌رود</translation>
    </message>
    <message>
        <source>Consent:</source>
        <translation>رضایت:</translation>
    </message>
    <message>
        <source>Undated</source>
        <translation>بدون تاریخ</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>Edits</name>
    <message>
        <source>Move “%1” to the trash</source>
        <translation>انتقال «%1» به سطل زباله</translation>
    </message>
    <message>
        <source>Restore “%1”</source>
        <translation>بازگرداندن «%1»</translation>
    </message>
    <message>
        <source>Add the tag “%1”</source>
        <translation>افزودن برچسب «%1»</translation>
    </message>
    <message>
        <source>Remove the tag “%1”</source>
        <translation>برداشتن برچسب «%1»</translation>
    </message>
    <message>
        <source>Add the %1</source>
        <translation>افزودن %1</translation>
    </message>
    <message>
        <source>Save the %1</source>
        <translation>ذخیرهٔ %1</translation>
    </message>
    <message>
        <source>Edit the details of “%1”</source>
        <translation>ویرایش مشخصات «%1»</translation>
    </message>
</context>
<context>
    <name>EmptyArchive</name>
    <message>
        <source>Add a person…</source>
        <translation>افزودن شخص…</translation>
    </message>
    <message>
        <source>The prisoner first, then the family and friends who write to them.</source>
        <translation>اول خود زندانی، بعد خانواده و دوستانی که برایش نامه می‌نویسند.</translation>
    </message>
    <message>
        <source>Import letters…</source>
        <translation>وارد کردن نامه‌ها…</translation>
    </message>
    <message>
        <source>Scans or photos of letters; each page stays an encrypted picture.</source>
        <translation>اسکن یا عکس نامه‌ها؛ هر صفحه به‌صورت تصویری رمزگذاری‌شده می‌ماند.</translation>
    </message>
    <message>
        <source>Write a testimony…</source>
        <translation>نوشتن شهادت…</translation>
    </message>
    <message>
        <source>Type or paste what a witness said, with who may ever read it.</source>
        <translation>آنچه شاهد گفته است را بنویسید یا بچسبانید، همراه با اینکه چه کسانی اجازهٔ خواندنش را دارند.</translation>
    </message>
    <message>
        <source>This archive is empty</source>
        <translation>این بایگانی خالی است</translation>
    </message>
    <message>
        <source>Three first steps, in any order:</source>
        <translation>سه گام نخست، به هر ترتیبی که بخواهید:</translation>
    </message>
</context>
<context>
    <name>EmptyPerson</name>
    <message>
        <source>Add their first letter…</source>
        <translation>افزودن نخستین نامه‌اش…</translation>
    </message>
    <message>
        <source>No letter or testimony names this person yet.</source>
        <translation>هنوز هیچ نامه یا شهادتی از این شخص نام نمی‌برد.</translation>
    </message>
    <message>
        <source>Import the scans or photos of a letter: it will name this person, and you can change that afterwards.</source>
        <translation>اسکن یا عکس‌های یک نامه را وارد کنید: نامه به این شخص مربوط می‌شود و بعداً می‌توانید این را تغییر دهید.</translation>
    </message>
</context>
<context>
    <name>EventEditor</name>
    <message>
        <source>One place, two spellings?</source>
        <translation>یک مکان با دو نوشتار؟</translation>
    </message>
    <message>
        <source>“%1” looks like “%2”, which other events already use. Use “%2”, so the timeline shows one place?</source>
        <translation>«%1» شبیه «%2» است که رویدادهای دیگر به کار برده‌اند. «%2» به کار رود تا گاه‌شمار یک مکان نشان دهد؟</translation>
    </message>
    <message>
        <source>Edit Event</source>
        <translation>ویرایش رویداد</translation>
    </message>
    <message>
        <source>New Event</source>
        <translation>رویداد تازه</translation>
    </message>
    <message>
        <source>e.g. 2011-03-15, March 2011, Mehr 1401, c. 1390</source>
        <translation>مثلاً ۱۳۸۹/۱۲/۲۴، مهر ۱۴۰۱، حدود ۱۳۹۰ یا ۲۰۱۱-۰۳-۱۵</translation>
    </message>
    <message>
        <source>Calendar from the year</source>
        <translation>تقویم از روی سال</translation>
    </message>
    <message>
        <source>for a span: when it ended</source>
        <translation>برای یک بازه: زمان پایان</translation>
    </message>
    <message>
        <source>Still going on</source>
        <translation>هنوز ادامه دارد</translation>
    </message>
    <message>
        <source>Find a document by its title…</source>
        <translation>پیدا کردن سند با عنوانش…</translation>
    </message>
    <message>
        <source>e.g. conditions/solitary, medical</source>
        <translation>مثلاً شرایط/انفرادی، پزشکی</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>نوع:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>تاریخ:</translation>
    </message>
    <message>
        <source>&amp;End date:</source>
        <translation>تاریخ پایان:</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>مکان:</translation>
    </message>
    <message>
        <source>Desc&amp;ription:</source>
        <translation>شرح:</translation>
    </message>
    <message>
        <source>&amp;Sources:</source>
        <translation>منبع‌ها:</translation>
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation>برچسب‌ها:</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(بی‌عنوان)</translation>
    </message>
    <message>
        <source> (in the trash)</source>
        <translation> (در سطل زباله)</translation>
    </message>
    <message>
        <source>%1 · %2 (%3)</source>
        <translation>%1 · %2 (%3)</translation>
    </message>
    <message>
        <source>, approximately</source>
        <translation>، تقریبی</translation>
    </message>
</context>
<context>
    <name>EventTypes</name>
    <message>
        <source>Arrest</source>
        <translation>بازداشت</translation>
    </message>
    <message>
        <source>Interrogation</source>
        <translation>بازجویی</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>اتهام</translation>
    </message>
    <message>
        <source>Trial session</source>
        <translation>جلسهٔ دادگاه</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>حکم</translation>
    </message>
    <message>
        <source>Appeal</source>
        <translation>تجدیدنظر</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>انتقال</translation>
    </message>
    <message>
        <source>Solitary confinement</source>
        <translation>سلول انفرادی</translation>
    </message>
    <message>
        <source>Hunger strike</source>
        <translation>اعتصاب غذا</translation>
    </message>
    <message>
        <source>Medical care</source>
        <translation>درمان پزشکی</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>ملاقات</translation>
    </message>
    <message>
        <source>Furlough</source>
        <translation>مرخصی</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>آزادی</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>نامه</translation>
    </message>
    <message>
        <source>Testimony</source>
        <translation>شهادت</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>دیگر</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export a bundle</source>
        <translation>ساختن بسته</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>بازگشت</translation>
    </message>
    <message>
        <source>&amp;Show what will leave</source>
        <translation>نشان دادن آنچه بیرون می‌رود</translation>
    </message>
    <message>
        <source>What to send</source>
        <translation>چه چیزی فرستاده شود</translation>
    </message>
    <message>
        <source>The documents about a &amp;person:</source>
        <translation>سندهای مربوط به یک شخص:</translation>
    </message>
    <message numerus="yes">
        <source>The document selected in the list (%n)</source>
        <translation>
            <numerusform>سند انتخاب‌شده در فهرست (%Ln)</numerusform>
        </translation>
    </message>
    <message>
        <source>The documents with a &amp;tag:</source>
        <translation>سندهای دارای برچسب:</translation>
    </message>
    <message>
        <source>The documents &amp;dated between:</source>
        <translation>سندهایی با تاریخ میانِ:</translation>
    </message>
    <message>
        <source>from (empty: any)</source>
        <translation>از (خالی: هر زمان)</translation>
    </message>
    <message>
        <source>until (empty: any)</source>
        <translation>تا (خالی: هر زمان)</translation>
    </message>
    <message>
        <source>What to include</source>
        <translation>چه چیزهایی گنجانده شود</translation>
    </message>
    <message>
        <source>Pages as &amp;clean copies: the image only, without location, camera or names</source>
        <translation>صفحه‌ها به‌صورت نسخهٔ پاک: فقط تصویر، بدون مکان، دوربین یا نام‌ها</translation>
    </message>
    <message>
        <source>Pages as the &amp;original files, byte for byte</source>
        <translation>صفحه‌ها به‌صورت پرونده‌های اصلی، بایت به بایت</translation>
    </message>
    <message>
        <source>Warning: original files carry their hidden metadata (the place a photo was taken, the camera, names) to everyone who opens the bundle.</source>
        <translation>هشدار: پرونده‌های اصلی فراداده‌های پنهانشان (جایی که عکس گرفته شده، دوربین، نام‌ها) را به دست هر کسی که بسته را باز کند می‌رسانند.</translation>
    </message>
    <message>
        <source>Shareable &amp;annotations (private annotations never leave)</source>
        <translation>حاشیه‌نویسی‌های قابل اشتراک (حاشیه‌نویسی‌های خصوصی هرگز بیرون نمی‌روند)</translation>
    </message>
    <message>
        <source>&amp;Events of the timeline</source>
        <translation>رویدادهای گاه‌شمار</translation>
    </message>
    <message>
        <source>The a&amp;udit entries of what leaves</source>
        <translation>سابقهٔ کارهای مربوط به آنچه بیرون می‌رود</translation>
    </message>
    <message>
        <source>Who can open it</source>
        <translation>چه کسی می‌تواند آن را باز کند</translation>
    </message>
    <message>
        <source>Anyone with this pass&amp;phrase:</source>
        <translation>هر کسی که این عبارت رمز را داشته باشد:</translation>
    </message>
    <message>
        <source>These c&amp;ontacts, with their own keys:</source>
        <translation>این مخاطبان، با کلیدهای خودشان:</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>رونوشت</translation>
    </message>
    <message>
        <source>Give the passphrase separately from the bundle (by phone, on paper), never in the same message.</source>
        <translation>عبارت رمز را جدا از بسته بدهید (تلفنی، روی کاغذ)، هرگز در همان پیام.</translation>
    </message>
    <message>
        <source>No contacts yet: add them under Bundles › Contacts.</source>
        <translation>هنوز مخاطبی نیست: آن‌ها را از بسته‌ها › مخاطبان اضافه کنید.</translation>
    </message>
    <message>
        <source>&amp;Write bundle…</source>
        <translation>نوشتن بسته…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <source>What will leave</source>
        <translation>آنچه بیرون می‌رود</translation>
    </message>
    <message>
        <source>original files</source>
        <translation>پرونده‌های اصلی</translation>
    </message>
    <message>
        <source>clean copies</source>
        <translation>نسخه‌های پاک</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%Ln سند</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 as %2</source>
        <translation>%1 به‌صورت %2</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%Ln صفحه</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n text(s)</source>
        <translation>
            <numerusform>%Ln متن</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%Ln نفر</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%Ln رویداد</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>%Ln حاشیه‌نویسی</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tag(s)</source>
        <translation>
            <numerusform>%Ln برچسب</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n audit entries</source>
        <translation>
            <numerusform>%Ln مورد از سابقهٔ کارها</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing would leave: everything chosen is held back.</source>
        <translation>چیزی بیرون نمی‌رود: همهٔ موارد انتخاب‌شده نگه داشته می‌شوند.</translation>
    </message>
    <message>
        <source>%1 leaves as “%2”, their names replaced by it in the titles, texts, tags, events and notes: check that nothing else there tells who they are.</source>
        <translation>%1 با نام «%2» بیرون می‌رود و نام‌هایش در عنوان‌ها، متن‌ها، برچسب‌ها، رویدادها و یادداشت‌ها با آن جایگزین می‌شود: بررسی کنید که چیز دیگری در آن‌ها نشان ندهد او کیست.</translation>
    </message>
    <message>
        <source>The key of %1 is not verified: compare their fingerprint with them before sending, under Bundles › Contacts.</source>
        <translation>کلید %1 تأیید نشده است: پیش از فرستادن، اثر انگشتش را با خودِ او مقایسه کنید، در بسته‌ها › مخاطبان.</translation>
    </message>
    <message>
        <source>Original files leave byte for byte, with any location, camera and names in them.</source>
        <translation>پرونده‌های اصلی بایت به بایت بیرون می‌روند، با هر مکان، دوربین و نامی که در آن‌هاست.</translation>
    </message>
    <message>
        <source>Check before sending</source>
        <translation>پیش از فرستادن بررسی کنید</translation>
    </message>
    <message>
        <source>What stays in this archive</source>
        <translation>آنچه در این بایگانی می‌ماند</translation>
    </message>
    <message>
        <source>Nothing of what you chose is held back.</source>
        <translation>هیچ‌یک از موارد انتخابی شما نگه داشته نمی‌شود.</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>سند</translation>
    </message>
    <message>
        <source>Annotation</source>
        <translation>حاشیه‌نویسی</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>رویداد</translation>
    </message>
    <message>
        <source>Log entry</source>
        <translation>مورد دفتر تغییرات</translation>
    </message>
    <message>
        <source>%1 “%2”: %3</source>
        <translation>%1 «%2»: %3</translation>
    </message>
    <message>
        <source>it is private</source>
        <translation>خصوصی است</translation>
    </message>
    <message>
        <source>the text or page it marks does not leave</source>
        <translation>متن یا صفحه‌ای که به آن اشاره دارد بیرون نمی‌رود</translation>
    </message>
    <message>
        <source>its person leaves under a pseudonym</source>
        <translation>شخصِ آن با نام مستعار بیرون می‌رود</translation>
    </message>
    <message>
        <source>it is in the trash</source>
        <translation>در سطل زباله است</translation>
    </message>
    <message>
        <source>the witness withdrew consent</source>
        <translation>شاهد رضایتش را پس گرفت</translation>
    </message>
    <message>
        <source>private testimony never leaves</source>
        <translation>شهادت خصوصی هرگز بیرون نمی‌رود</translation>
    </message>
    <message>
        <source>it names a witness who leaves under a pseudonym</source>
        <translation>نام شاهدی را می‌برد که با نام مستعار بیرون می‌رود</translation>
    </message>
    <message>
        <source>the witness consented to a narrower circle than advocates</source>
        <translation>شاهد فقط به جمعی محدودتر از مدافعان رضایت داده است</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>در حال شروع…</translation>
    </message>
    <message>
        <source>Copy the passphrase</source>
        <translation>رونوشت از عبارت رمز</translation>
    </message>
    <message>
        <source>Save the bundle as</source>
        <translation>ذخیرهٔ بسته با نام</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>در حال توقف…</translation>
    </message>
    <message>
        <source>Writing %1 of %2</source>
        <translation>در حال نوشتن %1 از %2</translation>
    </message>
    <message>
        <source>The bundle was written to %1 (%2 KB).</source>
        <translation>بسته در %1 نوشته شد (%2 کیلوبایت).</translation>
    </message>
    <message>
        <source>It opens with this passphrase; give it separately from the bundle:</source>
        <translation>با این عبارت رمز باز می‌شود؛ آن را جدا از بسته بدهید:</translation>
    </message>
</context>
<context>
    <name>FacesDialog</name>
    <message>
        <source>Faces on this page</source>
        <translation>چهره‌های این صفحه</translation>
    </message>
    <message>
        <source>&amp;Redact This Face</source>
        <translation>پوشاندن این چهره</translation>
    </message>
    <message>
        <source>&amp;Not a Face</source>
        <translation>چهره نیست</translation>
    </message>
    <message>
        <source>Face %1 of %2</source>
        <translation>چهرهٔ %1 از %2</translation>
    </message>
</context>
<context>
    <name>FileChooser</name>
    <message>
        <source>Scans, photos and recordings (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.heic *.heif *.gif *.pdf *.mp3 *.m4a *.aac *.ogg *.opus *.oga *.wav *.amr *.3gp *.mp4 *.m4v *.webm *.mov)</source>
        <translation>اسکن‌ها، عکس‌ها و ضبط‌ها (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.heic *.heif *.gif *.pdf *.mp3 *.m4a *.aac *.ogg *.opus *.oga *.wav *.amr *.3gp *.mp4 *.m4v *.webm *.mov)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <source>Amanat bundles (*.age)</source>
        <translation>بسته‌های امانت (*.age)</translation>
    </message>
    <message>
        <source>Amanat backups (*.amanat-backup)</source>
        <translation>نسخه‌های پشتیبان امانت (*.amanat-backup)</translation>
    </message>
</context>
<context>
    <name>FolderBackupDialog</name>
    <message>
        <source>Back up to a folder</source>
        <translation>پشتیبان‌گیری در یک پوشه</translation>
    </message>
    <message>
        <source>The backup in this folder is brought up to date: only what is new since the last backup to it is copied, so it is quick each time. Use the same folder, on a USB stick kept away from this computer, every time. To hand a backup to someone, choose Back up… instead: it writes one file.</source>
        <translation>نسخهٔ پشتیبانِ این پوشه به‌روز می‌شود: تنها آنچه از آخرین پشتیبان‌گیری در آن تازه است رونوشت می‌شود، پس هر بار زود تمام می‌شود. هر بار همین پوشه را به کار ببرید، روی فلشی که دور از این رایانه نگه داشته می‌شود. برای سپردن نسخهٔ پشتیبان به کسی، به جای این «پشتیبان‌گیری…» را برگزینید: آن یک پرونده می‌نویسد.</translation>
    </message>
    <message>
        <source>Back up to the folder: {path}</source>
        <translation>پوشهٔ پشتیبان: {path}</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>پشتیبان‌گیری</translation>
    </message>
    <message>
        <source>Copying what is new…</source>
        <translation>در حال رونوشت آنچه تازه است…</translation>
    </message>
    <message>
        <source>The backup was made in {path}: {size} copied. Back up to this folder again next time: only what is new will be copied.</source>
        <translation>نسخهٔ پشتیبان در {path} ساخته شد: {size} رونوشت شد. دفعهٔ بعد هم در همین پوشه پشتیبان بگیرید: تنها آنچه تازه است رونوشت خواهد شد.</translation>
    </message>
    <message>
        <source>The backup in {path} is up to date: {size} copied, only what changed since the last backup to this folder.</source>
        <translation>نسخهٔ پشتیبان در {path} به‌روز است: {size} رونوشت شد، تنها آنچه از آخرین پشتیبان‌گیری در این پوشه تغییر کرده است.</translation>
    </message>
    <message>
        <source>{number} GB</source>
        <translation>{number} گیگابایت</translation>
    </message>
    <message>
        <source>{number} MB</source>
        <translation>{number} مگابایت</translation>
    </message>
    <message>
        <source>{number} KB</source>
        <translation>{number} کیلوبایت</translation>
    </message>
    <message>
        <source>{number} bytes</source>
        <translation>{number} بایت</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import scans</source>
        <translation>وارد کردن اسکن‌ها</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>و %Ln مورد دیگر</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody in particular</source>
        <translation>هیچ شخص خاصی</translation>
    </message>
    <message>
        <source>These files are the pages of one letter</source>
        <translation>این پرونده‌ها صفحه‌های یک نامه‌اند</translation>
    </message>
    <message>
        <source>Each file&apos;s name</source>
        <translation>نام هر پرونده</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>پرونده‌ها:</translation>
    </message>
    <message>
        <source>About:</source>
        <translation>دربارهٔ:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>نوع:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>عنوان:</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>در حال شروع…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>وارد کردن</translation>
    </message>
    <message>
        <source>Stopping after the file being imported…</source>
        <translation>پس از پروندهٔ در حال وارد شدن، متوقف می‌شود…</translation>
    </message>
    <message>
        <source>Imported %1 of %2: %3</source>
        <translation>%1 از %2 وارد شد: %3</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <source>The import was cancelled; the files after it were not read.</source>
        <translation>وارد کردن لغو شد؛ پرونده‌های بعدی خوانده نشدند.</translation>
    </message>
    <message>
        <source>Documents imported: %1, with %2 pages in all.</source>
        <translation>سندهای واردشده: %1، روی‌هم %2 صفحه.</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>وارد نشد</translation>
    </message>
    <message>
        <source>Already in the archive</source>
        <translation>از پیش در بایگانی هست</translation>
    </message>
    <message>
        <source>Hidden information in these pages</source>
        <translation>اطلاعات پنهان در این صفحه‌ها</translation>
    </message>
    <message>
        <source>These pages carry a place or a person&apos;s name in their metadata, which could lead someone to the family. The originals are kept unchanged in the encrypted archive; exports strip this metadata by default.</source>
        <translation>در فراداده‌های این صفحه‌ها یک مکان یا نام یک نفر هست که می‌تواند کسی را به خانواده برساند. اصل پرونده‌ها بدون تغییر در بایگانی رمزگذاری‌شده می‌ماند؛ در خروجی‌ها این فراداده به‌طور پیش‌فرض پاک می‌شود.</translation>
    </message>
    <message>
        <source>a location</source>
        <translation>یک مکان</translation>
    </message>
    <message>
        <source>a name</source>
        <translation>یک نام</translation>
    </message>
    <message>
        <source>“%1”, page %2 (%3): %4</source>
        <translation>«%1»، صفحهٔ %2 (%3): %4</translation>
    </message>
</context>
<context>
    <name>JobDialog</name>
    <message>
        <source>Start</source>
        <translation>آغاز</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>در حال توقف…</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Letter</source>
        <translation>نامه</translation>
    </message>
    <message>
        <source>Testimony</source>
        <translation>شهادت</translation>
    </message>
    <message>
        <source>Court document</source>
        <translation>سند دادگاه</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>یادداشت</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>دیگر</translation>
    </message>
    <message>
        <source>Transcription</source>
        <translation>رونویسی</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>ترجمه</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>خلاصه</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>پیش‌نویس</translation>
    </message>
    <message>
        <source>checked</source>
        <translation>بازبینی‌شده</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>خصوصی</translation>
    </message>
    <message>
        <source>Legal team</source>
        <translation>تیم حقوقی</translation>
    </message>
    <message>
        <source>Advocates</source>
        <translation>مدافعان</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>عمومی</translation>
    </message>
    <message>
        <source>Prisoner</source>
        <translation>زندانی</translation>
    </message>
    <message>
        <source>Relative</source>
        <translation>خویشاوند</translation>
    </message>
    <message>
        <source>Lawyer</source>
        <translation>وکیل</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>شاهد</translation>
    </message>
    <message>
        <source>Official</source>
        <translation>مقام رسمی</translation>
    </message>
    <message>
        <source>Detained</source>
        <translation>در بازداشت</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>آزادشده</translation>
    </message>
    <message>
        <source>On furlough</source>
        <translation>در مرخصی</translation>
    </message>
    <message>
        <source>In exile</source>
        <translation>در تبعید</translation>
    </message>
    <message>
        <source>Executed</source>
        <translation>اعدام‌شده</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>درگذشته</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>نامعلوم</translation>
    </message>
    <message>
        <source>the day is known</source>
        <translation>روزش معلوم است</translation>
    </message>
    <message>
        <source>only the month is known</source>
        <translation>فقط ماهش معلوم است</translation>
    </message>
    <message>
        <source>only the season is known</source>
        <translation>فقط فصلش معلوم است</translation>
    </message>
    <message>
        <source>only the year is known</source>
        <translation>فقط سالش معلوم است</translation>
    </message>
    <message>
        <source>Gregorian</source>
        <translation>میلادی</translation>
    </message>
    <message>
        <source>Solar Hijri</source>
        <translation>هجری شمسی</translation>
    </message>
    <message>
        <source>Persian</source>
        <translation>فارسی</translation>
    </message>
    <message>
        <source>English</source>
        <translation>انگلیسی</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>عربی</translation>
    </message>
    <message>
        <source>Kurdish</source>
        <translation>کردی</translation>
    </message>
    <message>
        <source>Kurdish (Sorani)</source>
        <translation>کردی (سورانی)</translation>
    </message>
    <message>
        <source>Azerbaijani</source>
        <translation>ترکی آذربایجانی</translation>
    </message>
    <message>
        <source>Turkish</source>
        <translation>ترکی استانبولی</translation>
    </message>
    <message>
        <source>French</source>
        <translation>فرانسوی</translation>
    </message>
    <message>
        <source>German</source>
        <translation>آلمانی</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
</context>
<context>
    <name>LanguageChoice</name>
    <message>
        <source>The language of the window</source>
        <translation>زبان پنجره</translation>
    </message>
</context>
<context>
    <name>LeavingPages</name>
    <message numerus="yes">
        <source>%n page(s) leave with their redacted parts blacked out</source>
        <translation>
            <numerusform>%Ln صفحه با بخش‌های پوشانده‌شدهٔ سیاه‌شده بیرون می‌رود</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n redacted passage(s) leave as a mark, never the words</source>
        <translation>
            <numerusform>%Ln بخش پوشانده‌شده به صورت نشانه بیرون می‌رود، هرگز خود واژه‌ها</numerusform>
        </translation>
    </message>
    <message>
        <source>The pages as they will leave</source>
        <translation>صفحه‌ها همان‌گونه که بیرون می‌روند</translation>
    </message>
    <message>
        <source>Page %1 of “%2”</source>
        <translation>صفحهٔ %1 از «%2»</translation>
    </message>
    <message>
        <source>%1 (redacted)</source>
        <translation>%1 (پوشانده‌شده)</translation>
    </message>
    <message numerus="yes">
        <source>and %n more page(s)</source>
        <translation>
            <numerusform>و %Ln صفحهٔ دیگر</numerusform>
        </translation>
    </message>
    <message>
        <source>Names replaced in what leaves</source>
        <translation>نام‌هایی که در آنچه بیرون می‌رود جایگزین می‌شوند</translation>
    </message>
    <message>
        <source>“%1” becomes “%2”</source>
        <translation>«%1» می‌شود «%2»</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Amanat</source>
        <translation>امانت</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>قفل</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Lock the archive (Ctrl+L)</source>
        <translation>قفل کردن بایگانی (Ctrl+L)</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>بایگانی</translation>
    </message>
    <message>
        <source>The archive last opened at {path} is not there any more. It may have been moved or deleted, or be on a disk that is not connected. Open it where it is now, or create a new one.</source>
        <translation>بایگانی‌ای که آخرین بار در {path} باز شد دیگر آنجا نیست. شاید جابه‌جا یا پاک شده باشد، یا روی دیسکی باشد که وصل نیست. آن را از جای تازه‌اش باز کنید یا بایگانی تازه‌ای بسازید.</translation>
    </message>
    <message>
        <source>Choose the archive folder (NAME.amanat)</source>
        <translation>پوشهٔ بایگانی را انتخاب کنید (NAME.amanat)</translation>
    </message>
    <message>
        <source>The archive was locked, but a text you were editing could not be saved: {reason} Unlock to type it again.</source>
        <translation>بایگانی قفل شد، اما متنی که ویرایش می‌کردید ذخیره نشد: {reason} قفل را باز کنید تا دوباره بنویسیدش.</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>وارد کردن…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Import scans and photos of letters (Ctrl+I)</source>
        <translation>وارد کردن اسکن‌ها و عکس‌های نامه‌ها (Ctrl+I)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>تنظیمات…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>پرونده</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>ویرایش</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>نما</translation>
    </message>
    <message>
        <source>Choose the scans to import</source>
        <translation>اسکن‌هایی را که باید وارد شوند انتخاب کنید</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge into another person</source>
        <translation>ادغام در شخصی دیگر</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>ادغام</translation>
    </message>
    <message>
        <source>The same person as:</source>
        <translation>همان شخصِ:</translation>
    </message>
    <message>
        <source>There is nobody else in the archive to merge %1 with.</source>
        <translation>کس دیگری در بایگانی نیست که %1 با او ادغام شود.</translation>
    </message>
    <message>
        <source>one document</source>
        <translation>یک سند</translation>
    </message>
    <message>
        <source>%1 documents</source>
        <translation>%1 سند</translation>
    </message>
    <message>
        <source>%1 stays. Everything that names %2 moves to them: %3, their events and their roles; the names of %2 are kept as other names of %1, and the record of %2 is removed. Undo (Ctrl+Z) takes it back until the archive is locked.</source>
        <translation>%1 می‌ماند. هر چه نام %2 را دارد به او منتقل می‌شود: %3، رویدادها و نقش‌هایش؛ نام‌های %2 به‌عنوان نام‌های دیگرِ %1 نگه داشته می‌شوند و پروندهٔ %2 برداشته می‌شود. تا وقتی بایگانی قفل نشده، «واگرد» (Ctrl+Z) آن را برمی‌گرداند.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>There is no archive at {path}. It may have been moved or deleted.</source>
        <translation>در {path} بایگانی‌ای نیست. شاید جابه‌جا یا پاک شده باشد.</translation>
    </message>
    <message>
        <source>{path} already exists. Choose another name for the new archive.</source>
        <translation>{path} از پیش وجود دارد. برای بایگانی تازه نام دیگری انتخاب کنید.</translation>
    </message>
    <message>
        <source>The key file keys.json is missing from {path}, and the archive cannot be opened without it. Restore it from a backup.</source>
        <translation>پروندهٔ کلید keys.json در {path} نیست و بایگانی بدون آن باز نمی‌شود. آن را از نسخهٔ پشتیبان برگردانید.</translation>
    </message>
    <message>
        <source>The key file keys.json in {path} belongs to a different archive. Put back the keys.json that came with this archive.</source>
        <translation>پروندهٔ کلید keys.json در {path} مال بایگانی دیگری است. همان keys.json را که همراه این بایگانی بود سر جایش بگذارید.</translation>
    </message>
    <message>
        <source>The archive&apos;s database archive.db is missing from {path}. Restore it from a backup.</source>
        <translation>پایگاه دادهٔ بایگانی، archive.db، در {path} نیست. آن را از نسخهٔ پشتیبان برگردانید.</translation>
    </message>
    <message>
        <source>The archive&apos;s database in {path} is damaged and cannot be read. Restore it from a backup.</source>
        <translation>پایگاه دادهٔ بایگانی در {path} آسیب دیده و خوانده نمی‌شود. آن را از نسخهٔ پشتیبان برگردانید.</translation>
    </message>
    <message>
        <source>This archive is already open in another Amanat window or program. Close it there first.</source>
        <translation>این بایگانی در پنجره یا برنامهٔ دیگری از امانت باز است. اول آنجا ببندیدش.</translation>
    </message>
    <message>
        <source>That password does not open this archive. Please try again.</source>
        <translation>این رمز بایگانی را باز نمی‌کند. لطفاً دوباره امتحان کنید.</translation>
    </message>
    <message>
        <source>That recovery code does not open this archive.</source>
        <translation>این کد بازیابی بایگانی را باز نمی‌کند.</translation>
    </message>
    <message>
        <source>The recovery code has a typing mistake. Check each group of four characters against what you wrote down.</source>
        <translation>کد بازیابی غلط تایپی دارد. هر گروه چهارنویسه‌ای را با آنچه یادداشت کرده‌اید مقایسه کنید.</translation>
    </message>
    <message>
        <source>This archive has no recovery code. It can only be opened with its password.</source>
        <translation>این بایگانی کد بازیابی ندارد و فقط با رمزش باز می‌شود.</translation>
    </message>
    <message>
        <source>The password is too short. Use at least {minimum} characters.</source>
        <translation>رمز خیلی کوتاه است. دست‌کم {minimum} نویسه به کار ببرید.</translation>
    </message>
    <message>
        <source>This password is too easy to guess. A passphrase of five or more unrelated words is both strong and easy to remember.</source>
        <translation>این رمز خیلی آسان حدس زده می‌شود. عبارتی از پنج واژهٔ بی‌ربط یا بیشتر، هم قوی است و هم آسان به یاد می‌ماند.</translation>
    </message>
    <message>
        <source>The archive is locked. Unlock it first.</source>
        <translation>بایگانی قفل است. اول قفلش را باز کنید.</translation>
    </message>
    <message>
        <source>“{text}” is not a date Amanat understands: {reason}.</source>
        <translation>«{text}» تاریخی نیست که امانت بفهمد: {reason}.</translation>
    </message>
    <message>
        <source>A {kind} named “{name}” already exists.</source>
        <translation>{kind}ی با نام «{name}» از پیش وجود دارد.</translation>
    </message>
    <message>
        <source>Something went wrong: {detail}</source>
        <translation>مشکلی پیش آمد: {detail}</translation>
    </message>
    <message>
        <source>Cannot create the archive in {path}: {reason}.</source>
        <translation>بایگانی را نمی‌توان در {path} ساخت: {reason}.</translation>
    </message>
    <message>
        <source>The key file keys.json in {path} is damaged or was edited; restore it from a backup.</source>
        <translation>پروندهٔ کلید keys.json در {path} آسیب دیده یا تغییر کرده است؛ آن را از نسخهٔ پشتیبان برگردانید.</translation>
    </message>
    <message>
        <source>The archive&apos;s database in {path} does not open with the key in this keys.json: either the database is damaged, or the archive was re-encrypted after this keys.json was saved (in a backup, say). Put back the keys.json that came with the archive, or restore the whole archive from a backup.</source>
        <translation>پایگاه دادهٔ بایگانی در {path} با کلید این keys.json باز نمی‌شود: یا پایگاه داده آسیب دیده است، یا بایگانی پس از ذخیرهٔ این keys.json (مثلاً در یک نسخهٔ پشتیبان) دوباره رمزگذاری شده است. keys.json‌ای را که همراه بایگانی بود برگردانید، یا کل بایگانی را از نسخهٔ پشتیبان بازگردانید.</translation>
    </message>
    <message>
        <source>This archive was written by a newer version of Amanat (format {found}); update Amanat to open it.</source>
        <translation>این بایگانی با نسخهٔ تازه‌تری از امانت نوشته شده است (قالب {found})؛ برای باز کردنش امانت را به‌روز کنید.</translation>
    </message>
    <message>
        <source>A stored page of this archive is damaged or missing; a full check names the documents it belongs to, and a backup can bring them back.</source>
        <translation>یکی از صفحه‌های نگه‌داشته در این بایگانی آسیب دیده یا گم شده است؛ بررسی کامل نام سندهایی را که به آن‌ها تعلق دارد می‌گوید، و نسخهٔ پشتیبان می‌تواند آن‌ها را برگرداند.</translation>
    </message>
    <message>
        <source>This archive needs {needed} MB of free space on its disk to be brought up to this version of Amanat, and only {free} MB are free; free some space and open it again.</source>
        <translation>برای به‌روز شدن این بایگانی با این نسخهٔ امانت، {needed} مگابایت جای خالی روی دیسک آن لازم است و تنها {free} مگابایت خالی است؛ کمی جا باز کنید و دوباره بازش کنید.</translation>
    </message>
    <message>
        <source>A person needs a name.</source>
        <translation>هر شخص باید نامی داشته باشد.</translation>
    </message>
    <message>
        <source>A birth year is a year between {earliest} and {latest}, such as 1985.</source>
        <translation>سال تولد باید سالی میان {earliest} و {latest} باشد، مانند ۱۳۶۴ یا ۱۹۸۵.</translation>
    </message>
    <message>
        <source>A person cannot be merged into themself; choose the other record.</source>
        <translation>هیچ شخصی را نمی‌توان با خودش ادغام کرد؛ پروندهٔ دیگر را برگزینید.</translation>
    </message>
    <message>
        <source>“{name}” is in the trash; restore them before merging anyone into them.</source>
        <translation>«{name}» در سطل زباله است؛ پیش از ادغام کسی در او، بازگردانیدش.</translation>
    </message>
    <message>
        <source>A document needs a title.</source>
        <translation>هر سند باید عنوانی داشته باشد.</translation>
    </message>
    <message>
        <source>A text needs a language, such as fa or en.</source>
        <translation>هر متن باید زبانی داشته باشد، مانند فارسی یا انگلیسی.</translation>
    </message>
    <message>
        <source>A page can only be turned by quarter turns.</source>
        <translation>صفحه را فقط می‌توان یک‌چهارم دور به یک‌چهارم دور چرخاند.</translation>
    </message>
    <message>
        <source>Place {position} is not in the document: give a place from 1 to {count}.</source>
        <translation>جایگاه {position} در این سند نیست: جایگاهی از ۱ تا {count} بدهید.</translation>
    </message>
    <message>
        <source>This is the letter&apos;s only page, so it stays; to remove the letter, move it to the trash.</source>
        <translation>این تنها صفحهٔ نامه است و می‌ماند؛ برای حذف نامه، آن را به سطل زباله ببرید.</translation>
    </message>
    <message>
        <source>This page is in the trash; restore it first.</source>
        <translation>این صفحه در سطل زباله است؛ نخست آن را بازگردانید.</translation>
    </message>
    <message>
        <source>This page is not in the trash, so there is nothing to restore.</source>
        <translation>این صفحه در سطل زباله نیست، پس چیزی برای بازگرداندن نیست.</translation>
    </message>
    <message>
        <source>This document is in the trash; restore it before changing its pages.</source>
        <translation>این سند در سطل زباله است؛ پیش از تغییر صفحه‌هایش، آن را بازگردانید.</translation>
    </message>
    <message>
        <source>A tag needs a name.</source>
        <translation>هر برچسب باید نامی داشته باشد.</translation>
    </message>
    <message>
        <source>A tag&apos;s name cannot contain “{separator}”.</source>
        <translation>نام برچسب نمی‌تواند «{separator}» داشته باشد.</translation>
    </message>
    <message>
        <source>“{colour}” is not a colour; write it like #aa3355.</source>
        <translation>«{colour}» رنگ نیست؛ آن را با شش رقم شانزده‌شانزدهی پس از # بنویسید، مانند ‎#335577.</translation>
    </message>
    <message>
        <source>A tag cannot be placed inside itself.</source>
        <translation>برچسب را نمی‌توان درون خودش گذاشت.</translation>
    </message>
    <message>
        <source>There is no tag named “{path}”.</source>
        <translation>برچسبی با نام «{path}» نیست.</translation>
    </message>
    <message>
        <source>A tag cannot be merged into itself or into a tag inside it.</source>
        <translation>برچسب را نمی‌توان در خودش یا در برچسبی درون خودش ادغام کرد.</translation>
    </message>
    <message>
        <source>“{path}” would put the tag under another tag; renaming changes only its name, so move it for that.</source>
        <translation>«{path}» برچسب را زیر برچسب دیگری می‌برد؛ تغییر نام فقط نامش را عوض می‌کند، پس برای این کار آن را جابه‌جا کنید.</translation>
    </message>
    <message>
        <source>The tag “{path}” has tags inside it ({count}); delete them with it or move them out first.</source>
        <translation>برچسب «{path}» برچسب‌هایی درون خود دارد ({count})؛ آن‌ها را همراهش پاک کنید یا اول بیرونشان ببرید.</translation>
    </message>
    <message>
        <source>A contact needs a name.</source>
        <translation>هر مخاطب باید نامی داشته باشد.</translation>
    </message>
    <message>
        <source>The passage {start}–{end} is not inside the text, which has {length} characters, or it is empty.</source>
        <translation>بخش {start} تا {end} درون متن نیست (متن {length} نویسه دارد)، یا خالی است.</translation>
    </message>
    <message>
        <source>The passage is empty.</source>
        <translation>این بخش از متن خالی است.</translation>
    </message>
    <message>
        <source>Character {offset} is not inside the text, which has {length} characters; no time was set.</source>
        <translation>نویسهٔ {offset} درون متن نیست؛ متن {length} نویسه دارد. زمانی گذاشته نشد.</translation>
    </message>
    <message>
        <source>That line is empty; put the time on a line with words. No time was set.</source>
        <translation>این سطر خالی است؛ زمان را روی سطری بگذارید که واژه دارد. زمانی گذاشته نشد.</translation>
    </message>
    <message>
        <source>A time in a recording cannot be before its start; no time was set.</source>
        <translation>زمانی در یک ضبط نمی‌تواند پیش از آغاز آن باشد؛ زمانی گذاشته نشد.</translation>
    </message>
    <message>
        <source>“{text}” is not a time: give hours, minutes and seconds such as 00:01:23, or minutes and seconds such as 1:23.</source>
        <translation>«{text}» زمان نیست: ساعت، دقیقه و ثانیه بدهید مانند 00:01:23، یا دقیقه و ثانیه مانند 1:23.</translation>
    </message>
    <message>
        <source>The comment given is empty; give the new comment, or leave it out to keep the one the annotation has.</source>
        <translation>توضیحی که داده شد خالی است؛ توضیح تازه را بدهید، یا آن را نگذارید تا توضیح کنونی حاشیه‌نویسی بماند.</translation>
    </message>
    <message>
        <source>That page is not a recording; a time range can only be annotated on a recording. Nothing was added.</source>
        <translation>این صفحه ضبط نیست؛ بازهٔ زمانی را فقط بر یک ضبط می‌توان حاشیه‌نویسی کرد. چیزی افزوده نشد.</translation>
    </message>
    <message>
        <source>The time range {start}–{end} does not go forward; give an end later than its start.</source>
        <translation>بازهٔ زمانی {start}–{end} رو به جلو نمی‌رود؛ پایانی دیرتر از آغازش بدهید.</translation>
    </message>
    <message>
        <source>The time range {start}–{end} goes past the end of the recording, which lasts {duration}.</source>
        <translation>بازهٔ زمانی {start}–{end} از پایان ضبط می‌گذرد؛ این ضبط {duration} طول دارد.</translation>
    </message>
    <message>
        <source>The rectangle is not inside the page, or it is empty.</source>
        <translation>این مستطیل درون صفحه نیست، یا خالی است.</translation>
    </message>
    <message>
        <source>The rectangle to redact must lie inside the page and have a width and a height; nothing was redacted.</source>
        <translation>مستطیلی که پوشانده می‌شود باید درون صفحه باشد و پهنا و بلندی داشته باشد؛ چیزی پوشانده نشد.</translation>
    </message>
    <message>
        <source>“{text}” is not a rectangle: give X,Y,W,H in percent of the page, such as 10,20,30,15.</source>
        <translation>«{text}» مستطیل نیست: چهار عدد به درصدی از صفحه بدهید (فاصله از چپ، فاصله از بالا، پهنا، بلندی)، مانند 10,20,30,15.</translation>
    </message>
    <message>
        <source>Only an annotation on a page can be linked to a passage.</source>
        <translation>فقط حاشیه‌نویسیِ روی صفحه را می‌توان به بخشی از متن پیوند داد.</translation>
    </message>
    <message>
        <source>An annotation on a page can only be linked to a passage.</source>
        <translation>حاشیه‌نویسیِ روی صفحه را فقط می‌توان به بخشی از متن پیوند داد.</translation>
    </message>
    <message>
        <source>An annotation on a page can only be linked to a passage of the same document.</source>
        <translation>حاشیه‌نویسیِ روی صفحه را فقط می‌توان به بخشی از متنِ همان سند پیوند داد.</translation>
    </message>
    <message>
        <source>Give the date of the event, even if only the year.</source>
        <translation>تاریخ رویداد را بنویسید، حتی اگر فقط سالش معلوم باشد.</translation>
    </message>
    <message>
        <source>The end date comes before the start date.</source>
        <translation>تاریخ پایان پیش از تاریخ آغاز است.</translation>
    </message>
    <message>
        <source>Say which name the place should keep.</source>
        <translation>بگویید کدام نام برای این مکان بماند.</translation>
    </message>
    <message>
        <source>--as-of needs a single day, such as 2024-06-15 or 1403/03/26.</source>
        <translation>‎--as-of یک روز مشخص می‌خواهد، مانند 2024-06-15 یا 1403/03/26.</translation>
    </message>
    <message>
        <source>A PDF is written to a file: give one with -o FILE.</source>
        <translation>PDF در یک پرونده نوشته می‌شود: پرونده‌ای با ‎-o FILE بدهید.</translation>
    </message>
    <message>
        <source>Auto-lock takes between 0 and {maximum} minutes.</source>
        <translation>قفل خودکار میان ۰ تا {maximum} دقیقه را می‌پذیرد.</translation>
    </message>
    <message>
        <source>“{value}” cannot be the setting {name}, which takes {expected}.</source>
        <translation>«{value}» نمی‌تواند مقدار تنظیم {name} باشد، که {expected} می‌گیرد.</translation>
    </message>
    <message>
        <source>A name can have at most {maximum} characters.</source>
        <translation>نام حداکثر {maximum} نویسه می‌تواند داشته باشد.</translation>
    </message>
    <message>
        <source>The clipboard is cleared after between 0 and {maximum} seconds.</source>
        <translation>پاک شدن کلیپ‌بورد میان ۰ تا {maximum} ثانیه را می‌پذیرد.</translation>
    </message>
    <message>
        <source>The two passwords are not the same; nothing was changed.</source>
        <translation>دو گذرواژه یکی نیستند؛ چیزی تغییر نکرد.</translation>
    </message>
    <message>
        <source>The backup reminder comes after between 0 and {maximum} days.</source>
        <translation>یادآوری پشتیبان‌گیری پس از ۰ تا {maximum} روز می‌آید.</translation>
    </message>
    <message>
        <source>The largest recording imported is between 1 and {maximum} MB.</source>
        <translation>بزرگ‌ترین ضبطی که وارد می‌شود باید بین ۱ و {maximum} مگابایت باشد.</translation>
    </message>
    <message>
        <source>there is not enough memory to open it</source>
        <translation>حافظه برای باز کردنش کافی نیست</translation>
    </message>
    <message>
        <source>it is a folder or a device, not a file</source>
        <translation>پوشه یا دستگاه است، نه پرونده</translation>
    </message>
    <message>
        <source>its picture has no width or height</source>
        <translation>تصویرش پهنا یا بلندی ندارد</translation>
    </message>
    <message>
        <source>it ends too early; perhaps it was not copied completely</source>
        <translation>زودتر از موعد تمام می‌شود؛ شاید کامل رونوشت نشده باشد</translation>
    </message>
    <message>
        <source>its content is not a valid {kind} picture</source>
        <translation>محتوایش تصویر {kind} معتبری نیست</translation>
    </message>
    <message>
        <source>its {kind} data cannot be decoded</source>
        <translation>داده‌های {kind} آن خوانده نمی‌شوند</translation>
    </message>
    <message>
        <source>its content is not a valid {kind} recording</source>
        <translation>محتوایش صدا یا ویدیوی {kind} معتبری نیست</translation>
    </message>
    <message>
        <source>its header says it lasts {said}, but what it holds ends after {real}; perhaps it was not copied completely</source>
        <translation>سرآیندش می‌گوید {said} طول می‌کشد، اما آنچه در خود دارد پس از {real} تمام می‌شود؛ شاید کامل کپی نشده است</translation>
    </message>
    <message>
        <source>its PDF structure cannot be read</source>
        <translation>ساختار PDF آن خوانده نمی‌شود</translation>
    </message>
    <message>
        <source>the PDF has no pages</source>
        <translation>این PDF هیچ صفحه‌ای ندارد</translation>
    </message>
    <message>
        <source>page {page} has no size</source>
        <translation>صفحهٔ {page} اندازه ندارد</translation>
    </message>
    <message>
        <source>page {page} cannot be drawn</source>
        <translation>صفحهٔ {page} کشیده نمی‌شود</translation>
    </message>
    <message>
        <source>opening it made the decoder crash; it may have been made to harm</source>
        <translation>باز کردنش برنامهٔ خواندن تصویر را از کار انداخت؛ شاید برای آسیب زدن ساخته شده باشد</translation>
    </message>
    <message>
        <source>opening it went on for more than {seconds} seconds without progress</source>
        <translation>باز کردنش بیش از {seconds} ثانیه بی‌هیچ پیشرفتی طول کشید</translation>
    </message>
    <message>
        <source>the decoder failed on it</source>
        <translation>برنامهٔ خواندن تصویر در خواندنش شکست خورد</translation>
    </message>
    <message>
        <source>it has stray bits at the end</source>
        <translation>در پایانش بیت‌های اضافه دارد</translation>
    </message>
    <message>
        <source>it mixes upper and lower case</source>
        <translation>حروف بزرگ و کوچک را با هم آمیخته است</translation>
    </message>
    <message>
        <source>it is too short or has no separator</source>
        <translation>بیش از اندازه کوتاه است یا جداکننده ندارد</translation>
    </message>
    <message>
        <source>its prefix has invalid characters</source>
        <translation>پیشوندش نویسه‌های نامعتبر دارد</translation>
    </message>
    <message>
        <source>it has characters a key cannot contain</source>
        <translation>نویسه‌هایی دارد که در کلید نمی‌آیند</translation>
    </message>
    <message>
        <source>its checksum does not match, so a character is wrong</source>
        <translation>نویسه‌های وارسی‌اش نمی‌خوانند، پس یکی از نویسه‌ها نادرست است</translation>
    </message>
    <message>
        <source>it is malformed</source>
        <translation>ساختارش نادرست است</translation>
    </message>
    <message>
        <source>a public key starts with age1</source>
        <translation>کلید عمومی با age1 آغاز می‌شود</translation>
    </message>
    <message>
        <source>a secret key starts with AGE-SECRET-KEY-1</source>
        <translation>کلید محرمانه با AGE-SECRET-KEY-1 آغاز می‌شود</translation>
    </message>
    <message>
        <source>it starts with {prefix}1</source>
        <translation>با {prefix}1 آغاز می‌شود</translation>
    </message>
    <message>
        <source>it has the wrong length</source>
        <translation>طولش نادرست است</translation>
    </message>
    <message>
        <source>it is not a usable public key</source>
        <translation>کلید عمومی به‌کاررفتنی نیست</translation>
    </message>
    <message>
        <source>the header is far too long</source>
        <translation>سرآیند بسیار بیش از اندازه بلند است</translation>
    </message>
    <message>
        <source>a header line is far too long</source>
        <translation>یکی از خط‌های سرآیند بسیار بیش از اندازه بلند است</translation>
    </message>
    <message>
        <source>the header ends early</source>
        <translation>سرآیند زودتر از موعد تمام می‌شود</translation>
    </message>
    <message>
        <source>the first line is malformed</source>
        <translation>خط نخست نادرست است</translation>
    </message>
    <message>
        <source>the header&apos;s checksum line is malformed</source>
        <translation>خط وارسی (MAC) سرآیند نادرست است</translation>
    </message>
    <message>
        <source>a line that should start a stanza does not</source>
        <translation>خطی که باید بندی را آغاز کند، چنین نمی‌کند</translation>
    </message>
    <message>
        <source>it is addressed to more than {limit} recipients</source>
        <translation>برای بیش از {limit} گیرنده ساخته شده است</translation>
    </message>
    <message>
        <source>the file ends right after the header</source>
        <translation>پرونده درست پس از سرآیند تمام می‌شود</translation>
    </message>
    <message>
        <source>the file key has the wrong size</source>
        <translation>اندازهٔ کلید پرونده نادرست است</translation>
    </message>
    <message>
        <source>a stanza has a malformed argument</source>
        <translation>یکی از بندها آرگومانی نادرست دارد</translation>
    </message>
    <message>
        <source>a stanza body line is too long</source>
        <translation>یکی از خط‌های متن یک بند بیش از اندازه بلند است</translation>
    </message>
    <message>
        <source>a stanza body is not canonical base64</source>
        <translation>متن یکی از بندها base64 استاندارد نیست</translation>
    </message>
    <message>
        <source>an X25519 stanza has the wrong number of arguments</source>
        <translation>شمار آرگومان‌های یک بند X25519 نادرست است</translation>
    </message>
    <message>
        <source>an X25519 stanza has a malformed share</source>
        <translation>سهم کلید در یک بند X25519 نادرست است</translation>
    </message>
    <message>
        <source>an X25519 stanza has a body of the wrong size</source>
        <translation>اندازهٔ متن یک بند X25519 نادرست است</translation>
    </message>
    <message>
        <source>an X25519 stanza has a low-order share</source>
        <translation>یک بند X25519 سهمی از مرتبهٔ پایین دارد</translation>
    </message>
    <message>
        <source>a passphrase stanza is mixed with other stanzas</source>
        <translation>بند عبارت رمز (scrypt) با بندهای دیگر آمیخته است</translation>
    </message>
    <message>
        <source>a passphrase stanza has the wrong number of arguments</source>
        <translation>شمار آرگومان‌های بند عبارت رمز (scrypt) نادرست است</translation>
    </message>
    <message>
        <source>a passphrase stanza has a malformed salt</source>
        <translation>نمکِ بند عبارت رمز (scrypt) نادرست است</translation>
    </message>
    <message>
        <source>a passphrase stanza has a malformed work factor</source>
        <translation>ضریب کارِ بند عبارت رمز (scrypt) نادرست است</translation>
    </message>
    <message>
        <source>a passphrase stanza has a body of the wrong size</source>
        <translation>اندازهٔ متن بند عبارت رمز (scrypt) نادرست است</translation>
    </message>
    <message>
        <source>it ends before the END line</source>
        <translation>پیش از خط END تمام می‌شود</translation>
    </message>
    <message>
        <source>a line is far too long</source>
        <translation>یکی از خط‌ها بسیار بیش از اندازه بلند است</translation>
    </message>
    <message>
        <source>too much blank space before it</source>
        <translation>پیش از آن فضای خالی بیش از اندازه است</translation>
    </message>
    <message>
        <source>the BEGIN line is wrong</source>
        <translation>خط BEGIN نادرست است</translation>
    </message>
    <message>
        <source>it has an empty line</source>
        <translation>یک خط خالی دارد</translation>
    </message>
    <message>
        <source>a line is longer than 64 characters</source>
        <translation>یکی از خط‌ها بلندتر از ۶۴ نویسه است</translation>
    </message>
    <message>
        <source>a line is not canonical base64</source>
        <translation>یکی از خط‌ها base64 استاندارد نیست</translation>
    </message>
    <message>
        <source>a line is shorter than 64 characters</source>
        <translation>یکی از خط‌ها کوتاه‌تر از ۶۴ نویسه است</translation>
    </message>
    <message>
        <source>there is text after the END line</source>
        <translation>پس از خط END متنی هست</translation>
    </message>
    <message>
        <source>too much blank space after it</source>
        <translation>پس از آن فضای خالی بیش از اندازه است</translation>
    </message>
    <message>
        <source>it ends in the middle of a file</source>
        <translation>در میانهٔ یک پرونده تمام می‌شود</translation>
    </message>
    <message>
        <source>something was added after its last file</source>
        <translation>پس از آخرین پرونده‌اش چیزی افزوده شده است</translation>
    </message>
    <message>
        <source>a file header inside it is malformed</source>
        <translation>سرآیند یکی از پرونده‌های درونش نادرست است</translation>
    </message>
    <message>
        <source>a file header inside it is damaged</source>
        <translation>سرآیند یکی از پرونده‌های درونش آسیب دیده است</translation>
    </message>
    <message>
        <source>it holds a kind of archive Amanat does not write</source>
        <translation>گونه‌ای بایگانی در آن است که امانت نمی‌نویسد</translation>
    </message>
    <message>
        <source>it holds something other than plain files (a link or folder)</source>
        <translation>چیزی جز پرونده‌های ساده (پیوند یا پوشه) در آن است</translation>
    </message>
    <message>
        <source>a file inside it declares an impossible size</source>
        <translation>یکی از پرونده‌های درونش اندازه‌ای ناممکن اعلام می‌کند</translation>
    </message>
    <message>
        <source>a file name inside it is not readable text</source>
        <translation>نام یکی از پرونده‌های درونش متنی خواندنی نیست</translation>
    </message>
    <message>
        <source>its list of contents is malformed ({problem})</source>
        <translation>فهرست محتوایش نادرست است ({problem})</translation>
    </message>
    <message>
        <source>its list of contents names a file twice</source>
        <translation>فهرست محتوایش یک پرونده را دو بار نام می‌برد</translation>
    </message>
    <message>
        <source>it does not start with {name}</source>
        <translation>با {name} آغاز نمی‌شود</translation>
    </message>
    <message>
        <source>its {name} is larger than Amanat accepts</source>
        <translation>{name} آن بزرگ‌تر از حدی است که امانت می‌پذیرد</translation>
    </message>
    <message>
        <source>its records are larger than Amanat accepts</source>
        <translation>سوابقش بزرگ‌تر از حدی است که امانت می‌پذیرد</translation>
    </message>
    <message>
        <source>it holds {name} twice</source>
        <translation>{name} دو بار در آن آمده است</translation>
    </message>
    <message>
        <source>it holds a file its list of contents does not name, {name}</source>
        <translation>پرونده‌ای در آن است که فهرست محتوایش نامی از آن نمی‌برد: {name}</translation>
    </message>
    <message>
        <source>{path} is not the size its list of contents says</source>
        <translation>اندازهٔ {path} با آنچه فهرست محتوایش می‌گوید یکی نیست</translation>
    </message>
    <message>
        <source>{count} file(s) its list of contents names are missing, such as {name}</source>
        <translation>{count} پرونده که فهرست محتوایش نام می‌برد در آن نیست، از جمله {name}</translation>
    </message>
    <message>
        <source>{path} does not match its SHA-256 in the signed list</source>
        <translation>{path} با SHA-256 خود در فهرست امضاشده نمی‌خواند</translation>
    </message>
    <message>
        <source>{path} is not a valid record ({problem})</source>
        <translation>{path} سابقهٔ معتبری نیست ({problem})</translation>
    </message>
    <message>
        <source>{path} holds a record with another id</source>
        <translation>{path} سابقه‌ای با شناسه‌ای دیگر در خود دارد</translation>
    </message>
    <message>
        <source>one of its records does not fit ({problem})</source>
        <translation>یکی از سوابقش با این بایگانی جور درنمی‌آید ({problem})</translation>
    </message>
    <message>
        <source>one of its records refers to a record of kind “{kind}” that is neither in the bundle nor in this archive</source>
        <translation>یکی از سوابقش به سابقه‌ای از گونهٔ «{kind}» اشاره می‌کند که نه در بسته هست و نه در این بایگانی</translation>
    </message>
    <message>
        <source>its tags are nested inside themselves</source>
        <translation>برچسب‌هایش درون خودشان جای گرفته‌اند</translation>
    </message>
    <message>
        <source>page {page} has no file in the bundle</source>
        <translation>صفحهٔ {page} پرونده‌ای در بسته ندارد</translation>
    </message>
    <message>
        <source>it holds files that no page uses</source>
        <translation>پرونده‌هایی در آن است که هیچ صفحه‌ای به کارشان نمی‌برد</translation>
    </message>
    <message>
        <source>the {event} of {when} cannot be saved ({problem}); correct it first</source>
        <translation>رویداد «{event}» در {when} ذخیره نمی‌شود ({problem})؛ نخست آن را درست کنید</translation>
    </message>
    <message>
        <source>there is no such file or folder</source>
        <translation>چنین پرونده یا پوشه‌ای وجود ندارد</translation>
    </message>
    <message>
        <source>this user account is not allowed to use it</source>
        <translation>این حساب کاربری اجازهٔ استفاده از آن را ندارد</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>پوشه است، نه پرونده</translation>
    </message>
    <message>
        <source>a part of the path is a file where a folder should be</source>
        <translation>بخشی از مسیر پرونده است، جایی که باید پوشه باشد</translation>
    </message>
    <message>
        <source>the disk could not read or write it; the disk or USB stick may be failing</source>
        <translation>دیسک نتوانست آن را بخواند یا بنویسد؛ شاید دیسک یا فلش در حال خراب شدن باشد</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>دیسک پر است</translation>
    </message>
    <message>
        <source>it is a link that leads back to itself</source>
        <translation>پیوندی است که دوباره به خودش برمی‌گردد</translation>
    </message>
    <message>
        <source>its name or path is too long</source>
        <translation>نام یا مسیر آن بیش از حد بلند است</translation>
    </message>
    <message>
        <source>the disk can only be read, not written</source>
        <translation>روی این دیسک فقط می‌توان خواند، نه نوشت</translation>
    </message>
    <message>
        <source>the system refused (error {symbol})</source>
        <translation>سیستم نپذیرفت (خطای {symbol})</translation>
    </message>
    <message>
        <source>choose a person, documents, a tag or dates</source>
        <translation>یک شخص، چند سند، یک برچسب یا بازه‌ای از تاریخ‌ها را برگزینید</translation>
    </message>
    <message>
        <source>private material never leaves the archive</source>
        <translation>مطالب خصوصی هرگز از بایگانی بیرون نمی‌روند</translation>
    </message>
    <message>
        <source>everything chosen is held back</source>
        <translation>همهٔ موارد انتخاب‌شده نگه داشته می‌شوند</translation>
    </message>
    <message>
        <source>it already exists; choose a new name</source>
        <translation>از پیش وجود دارد؛ نام تازه‌ای برگزینید</translation>
    </message>
    <message>
        <source>the file does not exist</source>
        <translation>پرونده وجود ندارد</translation>
    </message>
    <message>
        <source>page {page}</source>
        <translation>صفحهٔ {page}</translation>
    </message>
    <message>
        <source>its file changed while the bundle was written; run amanat check</source>
        <translation>پرونده‌اش هنگام نوشتن بسته تغییر کرد؛ فرمان «amanat check» را اجرا کنید</translation>
    </message>
    <message>
        <source>a file with that name exists already; choose another</source>
        <translation>پرونده‌ای با این نام از پیش وجود دارد؛ نام دیگری برگزینید</translation>
    </message>
    <message>
        <source>{name} is not a file</source>
        <translation>{name} پرونده نیست</translation>
    </message>
    <message>
        <source>{name} does not match its hash</source>
        <translation>{name} با چکیدهٔ خود نمی‌خواند</translation>
    </message>
    <message>
        <source>it cannot be unpacked</source>
        <translation>باز نمی‌شود</translation>
    </message>
    <message>
        <source>it does not hold what a backup holds</source>
        <translation>آنچه نسخهٔ پشتیبان در خود دارد در آن نیست</translation>
    </message>
    <message>
        <source>its manifest is not a file</source>
        <translation>فهرست محتوایش پرونده نیست</translation>
    </message>
    <message>
        <source>its manifest is not readable</source>
        <translation>فهرست محتوایش خوانا نیست</translation>
    </message>
    <message>
        <source>it is not a backup this version can read</source>
        <translation>نسخهٔ پشتیبانی نیست که این نسخه از امانت بتواند بخواند</translation>
    </message>
    <message>
        <source>its manifest is incomplete</source>
        <translation>فهرست محتوایش ناقص است</translation>
    </message>
    <message>
        <source>it holds the backup of another archive; choose another folder</source>
        <translation>نسخهٔ پشتیبان بایگانی دیگری در آن است؛ پوشهٔ دیگری برگزینید</translation>
    </message>
    <message>
        <source>it holds other files; choose an empty folder or an earlier backup</source>
        <translation>پرونده‌های دیگری در آن است؛ پوشه‌ای خالی یا نسخهٔ پشتیبان پیشین را برگزینید</translation>
    </message>
    <message>
        <source>a part of its stored pages is shorter than recorded</source>
        <translation>بخشی از صفحه‌های نگه‌داشته در آن کوتاه‌تر از اندازهٔ ثبت‌شده است</translation>
    </message>
    <message>
        <source>it is what a backup that was stopped left behind, never a whole backup; make a new backup</source>
        <translation>این پرونده را پشتیبان‌گیری‌ای که نیمه‌کاره متوقف شد بر جا گذاشته و هرگز نسخهٔ پشتیبان کامل نیست؛ نسخهٔ پشتیبان تازه‌ای بگیرید</translation>
    </message>
    <message>
        <source>That cannot be used here; nothing was changed.</source>
        <translation>این را اینجا نمی‌توان به کار برد؛ چیزی تغییر نکرد.</translation>
    </message>
    <message>
        <source>Suggesting faces needs OpenCV, which this installation leaves out for its size; draw a box over each face with “Redact a region” instead.</source>
        <translation>پیشنهاد چهره‌ها به بستهٔ اوپن‌سی‌وی نیاز دارد که این نسخه به خاطر حجمش آن را ندارد؛ به جای آن با «پوشاندن بخشی از صفحه» روی هر چهره کادری بکشید.</translation>
    </message>
    <message>
        <source>There is no {kind} with the id {record_id}.</source>
        <translation>{kind}ی با شناسهٔ {record_id} نیست.</translation>
    </message>
    <message>
        <source>There is already a tag named “{path}”; merge the two instead if they mean the same.</source>
        <translation>برچسبی با نام «{path}» از پیش هست؛ اگر هر دو یک معنا دارند، به جای این کار آن دو را ادغام کنید.</translation>
    </message>
    <message>
        <source>“{name}” is named by {found} documents (counting those in the trash), so they stay; take them off those documents first, or merge them into another person.</source>
        <translation>«{name}» در {found} سند آمده است (با سندهای سطل زباله)، پس می‌ماند؛ نخست او را از آن سندها بردارید، یا با شخص دیگری ادغامش کنید.</translation>
    </message>
    <message>
        <source>“{name}” is named by one document (counting those in the trash), so they stay; take them off that document first, or merge them into another person.</source>
        <translation>«{name}» در یک سند آمده است (با سندهای سطل زباله)، پس می‌ماند؛ نخست او را از آن سند بردارید، یا با شخص دیگری ادغامش کنید.</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}.</source>
        <translation>{path} خوانده نمی‌شود: {reason}.</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}.</source>
        <translation>در {path} نمی‌توان نوشت: {reason}.</translation>
    </message>
    <message>
        <source>The disk is full, so nothing was saved. Free some space and try again.</source>
        <translation>دیسک پر است و چیزی ذخیره نشد. کمی جا باز کنید و دوباره امتحان کنید.</translation>
    </message>
    <message>
        <source>The disk is full where {path} is, so nothing was saved. Free some space on that disk and try again.</source>
        <translation>دیسکی که {path} روی آن است پر است، پس چیزی ذخیره نشد. روی آن دیسک جا باز کنید و دوباره امتحان کنید.</translation>
    </message>
    <message>
        <source>The backup {path} is damaged or is not an Amanat backup: {reason}.</source>
        <translation>نسخهٔ پشتیبان {path} آسیب دیده یا نسخهٔ پشتیبان امانت نیست: {reason}.</translation>
    </message>
    <message>
        <source>A backup cannot be kept inside the archive&apos;s own folder. Choose another place, best a USB stick or another disk.</source>
        <translation>نسخهٔ پشتیبان را نمی‌توان درون پوشهٔ خود بایگانی نگه داشت. جای دیگری برگزینید، بهتر از همه یک فلش یا دیسکی دیگر.</translation>
    </message>
    <message>
        <source>The backup was written but did not read back the same, so it was removed. The disk or USB stick may be failing; try another one.</source>
        <translation>نسخهٔ پشتیبان نوشته شد اما در خواندن دوباره یکسان نبود، پس پاک شد. شاید دیسک یا فلش در حال خراب شدن است؛ یکی دیگر را امتحان کنید.</translation>
    </message>
    <message>
        <source>The backup was cancelled; no file was left behind, and any earlier backup there is as it was.</source>
        <translation>پشتیبان‌گیری لغو شد؛ هیچ پرونده‌ای بر جا نماند و هر نسخهٔ پشتیبان پیشین در آنجا همان‌گونه که بود مانده است.</translation>
    </message>
    <message>
        <source>The restore was cancelled; no archive folder was made.</source>
        <translation>بازگرداندن لغو شد؛ هیچ پوشهٔ بایگانی ساخته نشد.</translation>
    </message>
    <message>
        <source>{path} already holds files. Restore into a new or empty folder, so nothing there is overwritten.</source>
        <translation>{path} از پیش پرونده‌هایی دارد. در پوشه‌ای تازه یا خالی بازگردانید تا چیزی در آنجا رونویسی نشود.</translation>
    </message>
    <message>
        <source>The check was cancelled before it finished; nothing was changed.</source>
        <translation>وارسی پیش از پایان لغو شد؛ چیزی تغییر نکرد.</translation>
    </message>
    <message>
        <source>{name} was not imported: {reason}.</source>
        <translation>{name} وارد نشد: {reason}.</translation>
    </message>
    <message>
        <source>{name} was not imported: it could not be read ({reason}).</source>
        <translation>{name} وارد نشد: خوانده نشد ({reason}).</translation>
    </message>
    <message>
        <source>{name} was not imported: the file is empty.</source>
        <translation>{name} وارد نشد: پرونده خالی است.</translation>
    </message>
    <message>
        <source>{name} was not imported: it is {size_mb} MB, more than the limit of {limit_mb} MB for one file.</source>
        <translation>{name} وارد نشد: حجمش {size_mb} مگابایت است، بیش از سقف {limit_mb} مگابایت برای یک پرونده.</translation>
    </message>
    <message>
        <source>{name} was not imported: it is {size_mb} MB, more than the limit of {limit_mb} MB for one recording, which Settings… (or amanat settings set recording-limit) can raise.</source>
        <translation>{name} وارد نشد: حجمش {size_mb} مگابایت است، بیش از سقف {limit_mb} مگابایت برای یک ضبط؛ این سقف را در تنظیمات… (یا با «amanat settings set recording-limit») می‌توان بالا برد.</translation>
    </message>
    <message>
        <source>{name} was not imported: it is not a picture (JPEG, PNG, TIFF, WebP, HEIC, GIF), a PDF or a recording (MP3, M4A, AAC, Ogg, WAV, AMR, MP4, WebM, MOV), whatever its name says.</source>
        <translation>{name} وارد نشد: هر چه نامش بگوید، نه تصویر است (JPEG، PNG، TIFF، WebP، HEIC، GIF)، نه PDF و نه صدا یا ویدیوی ضبط‌شده (MP3، M4A، AAC، Ogg، WAV، AMR، MP4، WebM، MOV).</translation>
    </message>
    <message>
        <source>{name} was not imported: it changed while it was being read (another program may still be copying or writing it); import it again once that has finished.</source>
        <translation>{name} وارد نشد: در همان حال که خوانده می‌شد تغییر کرد (شاید برنامهٔ دیگری هنوز در حال رونوشت‌برداری یا نوشتن آن است)؛ پس از پایان آن کار، دوباره واردش کنید.</translation>
    </message>
    <message>
        <source>{name} was not imported: the file is damaged or incomplete ({detail}).</source>
        <translation>{name} وارد نشد: پرونده آسیب دیده یا ناقص است ({detail}).</translation>
    </message>
    <message>
        <source>{name} cannot be copied out of the archive: its stored file is damaged or incomplete ({detail}). Run a check of the archive, or leave that page out.</source>
        <translation>{name} را نمی‌توان از بایگانی بیرون برد: پروندهٔ ذخیره‌شدهٔ آن آسیب‌دیده یا ناقص است ({detail}). بایگانی را بررسی کنید، یا آن صفحه را کنار بگذارید.</translation>
    </message>
    <message>
        <source>{name} was not imported: it claims to be {size}, more than the {limit_mp} million pixels Amanat opens; the file is damaged or was made to harm.</source>
        <translation>{name} وارد نشد: ادعا می‌کند {size} است، بیش از {limit_mp} میلیون پیکسلی که امانت باز می‌کند؛ پرونده آسیب دیده یا برای آسیب زدن ساخته شده است.</translation>
    </message>
    <message>
        <source>{name} was not imported: it has more than {limit} pages; split it into smaller files.</source>
        <translation>{name} وارد نشد: بیش از {limit} صفحه دارد؛ آن را به چند پروندهٔ کوچک‌تر تقسیم کنید.</translation>
    </message>
    <message>
        <source>{name} was not imported: the PDF is locked with a password; save an unlocked copy and import that.</source>
        <translation>{name} وارد نشد: این PDF با رمز قفل شده است؛ نسخه‌ای بی‌قفل از آن ذخیره و همان را وارد کنید.</translation>
    </message>
    <message>
        <source>That is not a valid Amanat signing key ({detail}); it starts with amanatsign1; check that it was copied completely and exactly.</source>
        <translation>این کلید امضای معتبر امانت نیست ({detail})؛ کلید امضا با amanatsign1 شروع می‌شود؛ مطمئن شوید کامل و دقیق رونوشت شده باشد.</translation>
    </message>
    <message>
        <source>This archive has no keys yet, so no bundle can have been made for it; give the sender the public key shown under Bundles › My keys (or by “amanat identity show”).</source>
        <translation>این بایگانی هنوز کلیدی ندارد، پس بسته‌ای نمی‌توانسته برایش ساخته شده باشد؛ کلید عمومی‌ای را که در بسته‌ها › کلیدهای من (یا با «amanat identity show») آمده به فرستنده بدهید.</translation>
    </message>
    <message>
        <source>No bundle was written: the stripped copy of {name} came out differently each time it was made, so the bundle could not vouch for it; leave that recording out, or export its stripped copy on its own.</source>
        <translation>هیچ بسته‌ای نوشته نشد: نسخهٔ پاک {name} هر بار که ساخته شد چیز دیگری از آب درآمد، پس بسته نمی‌توانست درستی آن را تضمین کند؛ آن ضبط را کنار بگذارید، یا از نسخهٔ پاک آن جداگانه خروجی بگیرید.</translation>
    </message>
    <message>
        <source>That is not a valid age key ({detail}); check that it was copied completely and exactly.</source>
        <translation>این کلید معتبر age نیست ({detail})؛ مطمئن شوید کامل و دقیق رونوشت شده باشد.</translation>
    </message>
    <message>
        <source>The contact “{name}” already has the key {key}.</source>
        <translation>مخاطب «{name}» از پیش کلید {key} را دارد.</translation>
    </message>
    <message>
        <source>{name} has no signing key yet, so there is no fingerprint to compare; add their amanatsign1… key first.</source>
        <translation>{name} هنوز کلید امضا ندارد، پس اثر انگشتی برای مقایسه نیست؛ اول کلید amanatsign1… او را اضافه کنید.</translation>
    </message>
    <message>
        <source>Nothing would leave the archive: {reason}.</source>
        <translation>چیزی از بایگانی بیرون نمی‌رود: {reason}.</translation>
    </message>
    <message>
        <source>The export was cancelled; no bundle was written.</source>
        <translation>ساختن بسته لغو شد؛ بسته‌ای نوشته نشد.</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was imported.</source>
        <translation>وارد کردن لغو شد؛ چیزی وارد نشد.</translation>
    </message>
    <message>
        <source>The bundle cannot be trusted: {detail}; nothing was imported. Ask the sender to make it again.</source>
        <translation>نمی‌توان به این بسته اعتماد کرد: {detail}؛ چیزی وارد نشد. از فرستنده بخواهید دوباره آن را بسازد.</translation>
    </message>
    <message>
        <source>The bundle&apos;s signature does not match its list of contents, so it was changed after it was signed; nothing was imported.</source>
        <translation>امضای بسته با فهرست محتوایش نمی‌خواند، پس پس از امضا تغییر کرده است؛ چیزی وارد نشد.</translation>
    </message>
    <message>
        <source>The bundle is signed by another key (fingerprint {fingerprint}) than the one that was compared ({key}); it may have been swapped, so nothing was imported.</source>
        <translation>بسته با کلید دیگری (اثر انگشت {fingerprint}) امضا شده است، نه کلیدی که مقایسه شد ({key})؛ شاید جابه‌جا شده باشد، پس چیزی وارد نشد.</translation>
    </message>
    <message>
        <source>This bundle, from a signer who is not a verified contact, adds {found} item(s) to records already in this archive; nothing was imported. Look at them in the verification and confirm them to import.</source>
        <translation>این بسته، از امضاکننده‌ای که مخاطب تأییدشده نیست، {found} مورد به سوابقی که از پیش در این بایگانی هستند می‌افزاید؛ چیزی وارد نشد. آن‌ها را در نتیجهٔ بررسی ببینید و برای وارد کردن تأییدشان کنید.</translation>
    </message>
    <message>
        <source>The bundle is signed by a key that is none of your contacts (fingerprint {fingerprint}); nothing was imported. Compare the fingerprint with the sender by phone, add them as a contact, or accept this signer explicitly.</source>
        <translation>بسته با کلیدی امضا شده که از آنِ هیچ‌یک از مخاطبان شما نیست (اثر انگشت {fingerprint})؛ چیزی وارد نشد. اثر انگشت را تلفنی با فرستنده مقایسه کنید، او را به مخاطبان بیفزایید یا این امضاکننده را آگاهانه بپذیرید.</translation>
    </message>
    <message>
        <source>This bundle was made by a newer version of Amanat (bundle format {found}); update Amanat to open it.</source>
        <translation>این بسته با نسخهٔ تازه‌تری از امانت ساخته شده است (قالب بسته {found})؛ برای باز کردنش امانت را به‌روز کنید.</translation>
    </message>
    <message>
        <source>The bundle cannot be opened: {detail}.</source>
        <translation>بسته باز نمی‌شود: {detail}.</translation>
    </message>
    <message>
        <source>The text form of the bundle is damaged or was edited ({detail}); copy it again in full, from the BEGIN line to the END line, without changing any line.</source>
        <translation>شکل متنی بسته آسیب دیده یا ویرایش شده است ({detail})؛ آن را دوباره کامل رونوشت کنید، از خط BEGIN تا خط END، بی‌آنکه خطی را تغییر دهید.</translation>
    </message>
    <message>
        <source>The bundle&apos;s header is damaged or malformed ({detail}); ask the sender to make the bundle again.</source>
        <translation>سرآیند بسته آسیب دیده یا نادرست است ({detail})؛ از فرستنده بخواهید بسته را دوباره بسازد.</translation>
    </message>
    <message>
        <source>This file is not an Amanat bundle or age file; check that you chose the right file.</source>
        <translation>این پرونده بستهٔ امانت یا پروندهٔ age نیست؛ مطمئن شوید پروندهٔ درست را انتخاب کرده‌اید.</translation>
    </message>
    <message>
        <source>This bundle uses a newer version of the age format than Amanat understands; update Amanat to open it.</source>
        <translation>این بسته نسخهٔ تازه‌تری از قالب age را به کار می‌برد که امانت نمی‌شناسد؛ برای باز کردنش امانت را به‌روز کنید.</translation>
    </message>
    <message>
        <source>This bundle&apos;s passphrase protection asks for far more work than allowed (work factor {found}, limit {limit}), which could freeze the computer; ask the sender to make it again with the default settings.</source>
        <translation>محافظت عبارت رمز این بسته کاری بسیار بیش از حد مجاز می‌خواهد (ضریب کار {found}، حد مجاز {limit}) که ممکن است رایانه را از کار بیندازد؛ از فرستنده بخواهید آن را با تنظیمات پیش‌فرض دوباره بسازد.</translation>
    </message>
    <message>
        <source>The bundle was changed or damaged after it was made; it cannot be trusted.</source>
        <translation>بسته پس از ساخته شدن تغییر کرده یا آسیب دیده است؛ نمی‌توان به آن اعتماد کرد.</translation>
    </message>
    <message>
        <source>None of the keys or passphrases given can open this bundle; it was made for someone else, or with a different key.</source>
        <translation>هیچ‌یک از کلیدها یا عبارت‌های رمز داده‌شده این بسته را باز نمی‌کند؛ برای کس دیگری یا با کلید دیگری ساخته شده است.</translation>
    </message>
    <message>
        <source>That passphrase does not open this bundle; check it and try again.</source>
        <translation>این عبارت رمز بسته را باز نمی‌کند؛ آن را بررسی کنید و دوباره امتحان کنید.</translation>
    </message>
    <message>
        <source>The bundle&apos;s contents were changed or damaged after it was made; it cannot be trusted.</source>
        <translation>محتوای بسته پس از ساخته شدن تغییر کرده یا آسیب دیده است؛ نمی‌توان به آن اعتماد کرد.</translation>
    </message>
    <message>
        <source>The bundle is incomplete, probably cut off while it was copied; copy it again in full.</source>
        <translation>بسته ناقص است و احتمالاً هنگام رونوشت بریده شده؛ آن را دوباره کامل رونوشت کنید.</translation>
    </message>
    <message>
        <source>nothing was entered</source>
        <translation>چیزی نوشته نشده است</translation>
    </message>
    <message>
        <source>it is too long to be a date</source>
        <translation>برای یک تاریخ بیش از اندازه بلند است</translation>
    </message>
    <message>
        <source>the date itself is missing</source>
        <translation>خودِ تاریخ نیامده است</translation>
    </message>
    <message>
        <source>write the year in full, as in 2011 or 1390</source>
        <translation>سال را کامل بنویسید، مثل ۱۳۹۰ یا ۲۰۱۱</translation>
    </message>
    <message>
        <source>write the year first, as in 2011-03-15 or 1401/07/07</source>
        <translation>اول سال را بنویسید، مثل ۱۴۰۱/۰۷/۰۷ یا ۲۰۱۱-۰۳-۱۵</translation>
    </message>
    <message>
        <source>“{word}” is not a month or season Amanat knows</source>
        <translation>«{word}» ماه یا فصلی نیست که امانت بشناسد</translation>
    </message>
    <message>
        <source>use a form such as 2011-03-15, March 2011, Mehr 1401 or spring 2011</source>
        <translation>شکلی مثل ۱۴۰۱/۰۷/۰۷، مهر ۱۴۰۱، بهار ۱۳۹۰ یا ۲۰۱۱-۰۳-۱۵ به کار ببرید</translation>
    </message>
    <message>
        <source>the year is missing</source>
        <translation>سال نیامده است</translation>
    </message>
    <message>
        <source>there is no year {year}</source>
        <translation>سال {year} وجود ندارد</translation>
    </message>
    <message>
        <source>years after {limit} are not supported</source>
        <translation>سال‌های پس از {limit} پشتیبانی نمی‌شوند</translation>
    </message>
    <message>
        <source>Jalali years after {limit} are not supported</source>
        <translation>سال‌های هجری شمسی پس از {limit} پشتیبانی نمی‌شوند</translation>
    </message>
    <message>
        <source>winter {year} ends in {next_year}, which is not supported</source>
        <translation>زمستان {year} در سال {next_year} تمام می‌شود که پشتیبانی نمی‌شود</translation>
    </message>
    <message>
        <source>there is no month {month}</source>
        <translation>ماه {month} وجود ندارد</translation>
    </message>
    <message>
        <source>there is no day {day}</source>
        <translation>روز {day} وجود ندارد</translation>
    </message>
    <message>
        <source>{month_name} {year} has only {days} days</source>
        <translation>{month_name} {year} فقط {days} روز دارد</translation>
    </message>
    <message>
        <source>there is no season {season}</source>
        <translation>فصل {season} وجود ندارد</translation>
    </message>
    <message>
        <source>{name} is a month of the {calendar} calendar</source>
        <translation>{name} ماهی از تقویم {calendar} است</translation>
    </message>
    <message>
        <source>{name} is a season of the {calendar} calendar</source>
        <translation>{name} فصلی از تقویم {calendar} است</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>برچسب</translation>
    </message>
    <message>
        <source>person</source>
        <translation>شخص</translation>
    </message>
    <message>
        <source>document</source>
        <translation>سند</translation>
    </message>
    <message>
        <source>The place names were not merged, and nothing was changed: {reason}.</source>
        <translation>نام‌های مکان یکی نشدند و چیزی تغییر نکرد: {reason}.</translation>
    </message>
</context>
<context>
    <name>MomentMarker</name>
    <message>
        <source>Mark the start or the end of a moment</source>
        <translation>مشخص کردن آغاز یا پایان یک بازه</translation>
    </message>
    <message>
        <source>Forget the moment&apos;s start</source>
        <translation>کنار گذاشتن آغاز بازه</translation>
    </message>
    <message>
        <source>The moment has no length yet: play on, then press %1 again where it ends.</source>
        <translation>این بازه هنوز طولی ندارد: پخش را ادامه دهید و هر جا که تمام می‌شود دوباره %1 را بزنید.</translation>
    </message>
    <message>
        <source>End the Moment Here</source>
        <translation>پایان بازه همین‌جا</translation>
    </message>
    <message>
        <source>The moment started at %1: press %2 where it ends, or %3 to forget it</source>
        <translation>بازه از %1 آغاز شد: هر جا که تمام می‌شود %2 را بزنید، یا %3 را برای کنار گذاشتنش</translation>
    </message>
    <message>
        <source>Annotate a Moment…</source>
        <translation>حاشیه‌نویسی بر بازه‌ای از ضبط…</translation>
    </message>
    <message>
        <source>Mark where a moment starts and ends (%1), then write a note on it</source>
        <translation>آغاز و پایان بازه‌ای را مشخص کنید (%1)، سپس یادداشتی بر آن بنویسید</translation>
    </message>
</context>
<context>
    <name>MyKeysDialog</name>
    <message>
        <source>My keys</source>
        <translation>کلیدهای من</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>رونوشت</translation>
    </message>
    <message>
        <source>Copy the public key</source>
        <translation>رونوشت از کلید عمومی</translation>
    </message>
    <message>
        <source>Co&amp;py</source>
        <translation>رونوشت</translation>
    </message>
    <message>
        <source>Copy the signing key</source>
        <translation>رونوشت از کلید امضا</translation>
    </message>
    <message>
        <source>&lt;b&gt;Public key&lt;/b&gt;</source>
        <translation>&lt;b&gt;کلید عمومی&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Give it to those who send you bundles: they encrypt bundles to it, and only this archive can open them. It is not secret.</source>
        <translation>آن را به کسانی بدهید که برایتان بسته می‌فرستند: بسته‌ها را با آن رمزگذاری می‌کنند و فقط این بایگانی می‌تواند بازشان کند. این کلید محرمانه نیست.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Signing key&lt;/b&gt;</source>
        <translation>&lt;b&gt;کلید امضا&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Bundles you send are signed with this archive&apos;s secret key. Give this public part to the people you send bundles to, for their contact entry of you.</source>
        <translation>بسته‌هایی که می‌فرستید با کلید محرمانهٔ این بایگانی امضا می‌شوند. این بخش عمومی را به کسانی بدهید که برایشان بسته می‌فرستید تا در مشخصات مخاطبیِ شما ثبتش کنند.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Fingerprint&lt;/b&gt;</source>
        <translation>&lt;b&gt;اثر انگشت&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Read it to them over the phone or in person: if it matches the one their Amanat shows for you, the keys they received really are yours.</source>
        <translation>آن را تلفنی یا حضوری برایشان بخوانید: اگر با اثر انگشتی که امانتِ آن‌ها برای شما نشان می‌دهد یکی بود، کلیدهایی که گرفته‌اند واقعاً مال شماست.</translation>
    </message>
</context>
<context>
    <name>NewDocumentDialog</name>
    <message>
        <source>Create</source>
        <translation>ساختن</translation>
    </message>
    <message>
        <source>e.g. Letter from Evin, Ward 209</source>
        <translation>مثلاً نامه از اوین، بند ۲۰۹</translation>
    </message>
    <message>
        <source>New letter</source>
        <translation>نامهٔ تازه</translation>
    </message>
    <message>
        <source>New testimony</source>
        <translation>شهادت تازه</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>یادداشت تازه</translation>
    </message>
    <message>
        <source>New document</source>
        <translation>سند تازه</translation>
    </message>
</context>
<context>
    <name>NewDocuments</name>
    <message>
        <source>New &amp;Letter…</source>
        <translation>نامهٔ تازه…</translation>
    </message>
    <message>
        <source>New &amp;Testimony…</source>
        <translation>شهادت تازه…</translation>
    </message>
    <message>
        <source>New &amp;Note…</source>
        <translation>یادداشت تازه…</translation>
    </message>
    <message>
        <source>Type or paste a letter that has no scans yet (Ctrl+N)</source>
        <translation>نوشتن یا چسباندن نامه‌ای که هنوز عکسی از آن نیست (Ctrl+N)</translation>
    </message>
    <message>
        <source>Type or paste what a witness said</source>
        <translation>نوشتن یا چسباندن گفته‌های یک شاهد</translation>
    </message>
</context>
<context>
    <name>NewPasswordFields</name>
    <message>
        <source>New password:</source>
        <translation>رمز تازه:</translation>
    </message>
    <message>
        <source>New password again:</source>
        <translation>تکرار رمز تازه:</translation>
    </message>
    <message numerus="yes">
        <source>Too short: use at least %n characters.</source>
        <translation>
            <numerusform>خیلی کوتاه است: دست‌کم %Ln نویسه به کار ببرید.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too easy to guess. A passphrase of five or more unrelated words is both strong and easy to remember.</source>
        <translation>خیلی آسان حدس زده می‌شود. عبارتی از پنج واژهٔ بی‌ربط یا بیشتر، هم قوی است و هم آسان به یاد می‌ماند.</translation>
    </message>
    <message>
        <source>Almost: add another word or two.</source>
        <translation>نزدیک است: یکی دو واژهٔ دیگر بیفزایید.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>قوی.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>دو رمزی که نوشتید یکی نیستند.</translation>
    </message>
</context>
<context>
    <name>NewTagDialog</name>
    <message>
        <source>New Tag</source>
        <translation>برچسب تازه</translation>
    </message>
    <message>
        <source>Name of the new tag; to put it inside another, write the path with “/”, such as conditions/solitary. Its colour is asked next.</source>
        <translation>نام برچسب تازه؛ برای گذاشتن آن درون برچسبی دیگر، مسیرش را با «/» بنویسید، مانند شرایط/انفرادی. رنگش پس از این پرسیده می‌شود.</translation>
    </message>
    <message>
        <source>conditions/solitary</source>
        <translation>شرایط/انفرادی</translation>
    </message>
</context>
<context>
    <name>PageEdits</name>
    <message>
        <source>Move page %1 to place %2</source>
        <translation>جابه‌جایی صفحهٔ %1 به جایگاه %2</translation>
    </message>
    <message>
        <source>Remove page %1</source>
        <translation>برداشتن صفحهٔ %1</translation>
    </message>
    <message>
        <source>Restore page %1</source>
        <translation>بازگرداندن صفحهٔ %1</translation>
    </message>
</context>
<context>
    <name>PageExportDialog</name>
    <message>
        <source>Export a page</source>
        <translation>خروجی گرفتن از یک صفحه</translation>
    </message>
    <message>
        <source>Write page %1 of this document to a file:</source>
        <translation>صفحهٔ %1 این سند در یک پرونده نوشته شود:</translation>
    </message>
    <message>
        <source>A stripped copy: the sound and picture only, with no tags (recommended); the voices and what is seen can still tell who and where</source>
        <translation>نسخهٔ پاک: فقط صدا و تصویر، بدون برچسب‌های پرونده (پیشنهادی)؛ صداها و آنچه دیده می‌شود همچنان می‌توانند بگویند چه کسی و کجا</translation>
    </message>
    <message>
        <source>A sanitised copy: the picture only, upright, with no metadata (recommended)</source>
        <translation>نسخهٔ پاک: فقط تصویر، سرِ پا، بی هیچ فراداده (پیشنهاد می‌شود)</translation>
    </message>
    <message>
        <source>The original file, byte for byte</source>
        <translation>پروندهٔ اصلی، بایت به بایت</translation>
    </message>
    <message>
        <source>This page has redactions: it leaves only as a copy with them blacked out</source>
        <translation>این صفحه بخش‌های پوشانده‌شده دارد: تنها به صورت نسخه‌ای بیرون می‌رود که آن بخش‌ها در آن سیاه شده‌اند</translation>
    </message>
    <message>
        <source>Choose a File…</source>
        <translation>انتخاب پرونده…</translation>
    </message>
</context>
<context>
    <name>PageInfo</name>
    <message>
        <source>This recording&apos;s file holds a place (a GPS position or a place name): it can lead someone to where it was recorded, perhaps the family&apos;s home. Share only a stripped copy.</source>
        <translation>پروندهٔ این ضبط یک مکان در خود دارد (موقعیت جی‌پی‌اس یا نام یک جا): می‌تواند کسی را به جایی که ضبط در آن انجام شده برساند، شاید خانهٔ خانواده. فقط نسخهٔ پاک آن را به دیگران بدهید.</translation>
    </message>
    <message>
        <source>This page&apos;s file holds a place (a GPS position or a place name): it can lead someone to where the photo was taken, perhaps the family&apos;s home. Share only a sanitised copy.</source>
        <translation>پروندهٔ این صفحه یک مکان در خود دارد (موقعیت جی‌پی‌اس یا نام یک جا): می‌تواند کسی را به جایی که عکس گرفته شده برساند، شاید خانهٔ خانواده. فقط نسخهٔ پاک آن را به دیگران بدهید.</translation>
    </message>
    <message>
        <source>This page&apos;s file names a person (its author or the camera&apos;s owner): whoever receives the original can read the name. Share only a sanitised copy.</source>
        <translation>در پروندهٔ این صفحه نام یک نفر آمده است (سازندهٔ آن یا صاحب دوربین): هر کس اصل پرونده را بگیرد می‌تواند این نام را بخواند. فقط نسخهٔ پاک آن را به دیگران بدهید.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1، %2</translation>
    </message>
    <message>
        <source>%1 (altitude %2 m)</source>
        <translation>%1 (ارتفاع %2 متر)</translation>
    </message>
    <message>
        <source>GPS position</source>
        <translation>موقعیت جی‌پی‌اس</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>مکان</translation>
    </message>
    <message>
        <source>Person named</source>
        <translation>نام یک نفر</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>دوربین</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>دستگاه</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>زمان گرفتن عکس</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>زمان ضبط</translation>
    </message>
    <message>
        <source>Software</source>
        <translation>نرم‌افزار</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>توضیح</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>جهت</translation>
    </message>
    <message>
        <source>Animation</source>
        <translation>پویانمایی</translation>
    </message>
    <message>
        <source>yes; the page shows its first picture</source>
        <translation>بله؛ صفحه نخستین تصویر آن را نشان می‌دهد</translation>
    </message>
    <message>
        <source>Metadata blocks</source>
        <translation>بخش‌های فراداده</translation>
    </message>
    <message>
        <source>none</source>
        <translation>هیچ</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>صفحه</translation>
    </message>
    <message>
        <source>Page %1 of the document</source>
        <translation>صفحهٔ %1 سند</translation>
    </message>
    <message>
        <source>Original file</source>
        <translation>پروندهٔ اصلی</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 پیکسل</translation>
    </message>
    <message>
        <source>Picture size</source>
        <translation>اندازهٔ تصویر</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>حجم پرونده</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 بایت</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>زمان وارد کردن</translation>
    </message>
    <message>
        <source>Imported from</source>
        <translation>وارد شده از</translation>
    </message>
    <message>
        <source>Place in its file</source>
        <translation>جای آن در پرونده</translation>
    </message>
    <message>
        <source>Page %1 of the original file</source>
        <translation>صفحهٔ %1 پروندهٔ اصلی</translation>
    </message>
    <message>
        <source>Turned for display</source>
        <translation>چرخانده برای نمایش</translation>
    </message>
    <message>
        <source>%1°</source>
        <translation>%1 درجه</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>مدت</translation>
    </message>
    <message>
        <source>Playable here</source>
        <translation>پخش در اینجا</translation>
    </message>
    <message>
        <source>No: its format cannot be decoded by Amanat. The file is kept as evidence, byte for byte; export the original to play it elsewhere.</source>
        <translation>نه: امانت نمی‌تواند قالب آن را رمزگشایی کند. پرونده بایت به بایت به عنوان مدرک نگه داشته شده است؛ برای پخش آن در جای دیگر، اصل آن را صادر کنید.</translation>
    </message>
    <message>
        <source>Bitrate</source>
        <translation>نرخ بیت</translation>
    </message>
    <message>
        <source>%1 Hz</source>
        <translation>%1 هرتز</translation>
    </message>
    <message>
        <source>mono</source>
        <translation>تک‌کاناله</translation>
    </message>
    <message>
        <source>stereo</source>
        <translation>دوکاناله</translation>
    </message>
    <message>
        <source>%1 channels</source>
        <translation>%1 کانال</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>صدا</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>تصویر</translation>
    </message>
    <message>
        <source>%1 kbit/s</source>
        <translation>%1 کیلوبیت بر ثانیه</translation>
    </message>
    <message>
        <source>where it was recorded</source>
        <translation>جایی که ضبط شده</translation>
    </message>
    <message>
        <source>where it was taken</source>
        <translation>جایی که گرفته شده</translation>
    </message>
    <message>
        <source>the name %1</source>
        <translation>نام %1</translation>
    </message>
    <message>
        <source>the device</source>
        <translation>دستگاه</translation>
    </message>
    <message>
        <source>the camera</source>
        <translation>دوربین</translation>
    </message>
    <message>
        <source>when it was recorded</source>
        <translation>زمانی که ضبط شده</translation>
    </message>
    <message>
        <source>when it was taken</source>
        <translation>زمانی که گرفته شده</translation>
    </message>
    <message>
        <source>the software that made it</source>
        <translation>نرم‌افزاری که آن را ساخته</translation>
    </message>
    <message>
        <source>further fields</source>
        <translation>بخش‌های دیگر</translation>
    </message>
    <message>
        <source>The original file is kept byte for byte: no metadata was found in it, but it can still hold what Amanat cannot read.</source>
        <translation>پروندهٔ اصلی بایت به بایت نوشته می‌شود: فراداده‌ای در آن پیدا نشد، ولی ممکن است چیزی در آن باشد که امانت نمی‌تواند بخواند.</translation>
    </message>
    <message>
        <source>The original file carries its tags: %1. Whoever receives it can read this; the stripped copy holds the sound and picture only.</source>
        <translation>پروندهٔ اصلی برچسب‌هایش را با خود می‌برد: %1. هر کس آن را بگیرد می‌تواند این‌ها را بخواند؛ نسخهٔ پاک فقط صدا و تصویر را دارد.</translation>
    </message>
    <message>
        <source>The original file carries its metadata: %1. Whoever receives it can read this; the sanitised copy holds the picture only.</source>
        <translation>پروندهٔ اصلی فراداده‌هایش را با خود می‌برد: %1. هر کس آن را بگیرد می‌تواند این‌ها را بخواند؛ نسخهٔ پاک فقط تصویر را دارد.</translation>
    </message>
    <message>
        <source>Page Information…</source>
        <translation>اطلاعات صفحه…</translation>
    </message>
    <message>
        <source>What this page&apos;s file says about itself: camera, times, place, names</source>
        <translation>آنچه پروندهٔ این صفحه دربارهٔ خودش می‌گوید: دوربین، زمان‌ها، مکان، نام‌ها</translation>
    </message>
    <message>
        <source>Export Page…</source>
        <translation>خروجی گرفتن از صفحه…</translation>
    </message>
    <message>
        <source>Write this page to a file, without its metadata unless you choose otherwise</source>
        <translation>این صفحه را در یک پرونده بنویسید، بی فراداده‌هایش مگر اینکه خودتان چیز دیگری بخواهید</translation>
    </message>
    <message>
        <source>Export a page</source>
        <translation>خروجی گرفتن از یک صفحه</translation>
    </message>
    <message>
        <source>Copy of a page (*%1)</source>
        <translation>نسخهٔ یک صفحه (*%1)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <source>Wrote the original of page %1 to %2.</source>
        <translation>اصل صفحهٔ %1 در %2 نوشته شد.</translation>
    </message>
    <message>
        <source>Wrote a sanitised copy of page %1 (no metadata) to %2.</source>
        <translation>نسخهٔ پاک صفحهٔ %1 (بی فراداده) در %2 نوشته شد.</translation>
    </message>
</context>
<context>
    <name>PageInfoDialog</name>
    <message>
        <source>Page Information</source>
        <translation>اطلاعات صفحه</translation>
    </message>
    <message>
        <source>Nothing in this page&apos;s file names a place or a person.</source>
        <translation>در پروندهٔ این صفحه نه مکانی آمده و نه نام کسی.</translation>
    </message>
    <message>
        <source>The page</source>
        <translation>صفحه</translation>
    </message>
    <message>
        <source>What its file says about itself</source>
        <translation>آنچه پرونده‌اش دربارهٔ خودش می‌گوید</translation>
    </message>
    <message>
        <source>Export Page…</source>
        <translation>خروجی گرفتن از صفحه…</translation>
    </message>
</context>
<context>
    <name>PageStrip</name>
    <message>
        <source>Add Pages…</source>
        <translation>افزودن صفحه…</translation>
    </message>
    <message>
        <source>Add photos or scans as pages after the last page of this document</source>
        <translation>افزودن عکس یا اسکن به‌عنوان صفحه، پس از آخرین صفحهٔ این سند</translation>
    </message>
    <message>
        <source>Remove Page</source>
        <translation>برداشتن صفحه</translation>
    </message>
    <message>
        <source>Move this page to the trash; it can be restored until the trash is emptied</source>
        <translation>انتقال این صفحه به سطل زباله؛ تا وقتی سطل خالی نشده می‌توان آن را بازگرداند</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <source>Restore a Removed Page</source>
        <translation>بازگرداندن صفحه‌ای برداشته‌شده</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>صفحهٔ %1</translation>
    </message>
    <message>
        <source>Choose the pages to add</source>
        <translation>صفحه‌هایی را که باید افزوده شوند انتخاب کنید</translation>
    </message>
    <message>
        <source>Pages are still being added; wait until they are in.</source>
        <translation>صفحه‌ها هنوز در حال افزوده شدن‌اند؛ صبر کنید تا تمام شود.</translation>
    </message>
    <message>
        <source>Adding pages…</source>
        <translation>در حال افزودن صفحه‌ها…</translation>
    </message>
    <message>
        <source>Added %1 of %2: %3</source>
        <translation>%1 از %2 افزوده شد: %3</translation>
    </message>
    <message>
        <source>Stopping after the file being added…</source>
        <translation>پس از پروندهٔ در حال افزوده شدن، متوقف می‌شود…</translation>
    </message>
    <message>
        <source>Pages added: %1.</source>
        <translation>صفحه‌های افزوده: %1.</translation>
    </message>
    <message>
        <source>Cancelled: the files after it were not read.</source>
        <translation>لغو شد؛ پرونده‌های بعدی خوانده نشدند.</translation>
    </message>
    <message>
        <source>There were no files in what was dropped or chosen.</source>
        <translation>در آنچه کشیده و رها شد یا انتخاب شد هیچ پرونده‌ای نبود.</translation>
    </message>
    <message>
        <source>Some of these pages carry a place or a name in their hidden metadata; exports leave it out by default.</source>
        <translation>برخی از این صفحه‌ها در فرادادهٔ پنهانشان مکان یا نامی دارند؛ خروجی‌ها به‌طور پیش‌فرض آن را کنار می‌گذارند.</translation>
    </message>
</context>
<context>
    <name>PageStripModel</name>
    <message>
        <source>Page %1</source>
        <translation>صفحهٔ %1</translation>
    </message>
</context>
<context>
    <name>PageViewer</name>
    <message>
        <source>Previous page</source>
        <translation>صفحهٔ قبل</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>صفحهٔ بعد</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>کوچک‌نمایی</translation>
    </message>
    <message>
        <source>Fit to width</source>
        <translation>هم‌اندازهٔ پهنا</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>بزرگ‌نمایی</translation>
    </message>
    <message>
        <source>Turn the page</source>
        <translation>چرخاندن صفحه</translation>
    </message>
    <message>
        <source>Mark a region</source>
        <translation>مشخص کردن ناحیه</translation>
    </message>
    <message>
        <source>Drag a rectangle on the page to annotate that part of it</source>
        <translation>روی صفحه مستطیلی بکشید تا بر آن بخش حاشیه بنویسید</translation>
    </message>
    <message>
        <source>No pages</source>
        <translation>بدون صفحه</translation>
    </message>
    <message>
        <source>This page has no picture to show.</source>
        <translation>این صفحه تصویری برای نمایش ندارد.</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>صفحهٔ %1 از %2</translation>
    </message>
</context>
<context>
    <name>PdfWords</name>
    <message>
        <source>Case file</source>
        <translation>پروندهٔ موردی</translation>
    </message>
    <message>
        <source>Made on:</source>
        <translation>تاریخ تهیه:</translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation>سندها:</translation>
    </message>
    <message>
        <source>Page pictures:</source>
        <translation>تصویر صفحه‌ها:</translation>
    </message>
    <message>
        <source>Texts:</source>
        <translation>متن‌ها:</translation>
    </message>
    <message>
        <source>Events:</source>
        <translation>رویدادها:</translation>
    </message>
    <message>
        <source>Annotations:</source>
        <translation>حاشیه‌نویسی‌ها:</translation>
    </message>
    <message>
        <source>What is included</source>
        <translation>آنچه در این پرونده هست</translation>
    </message>
    <message>
        <source>Exactly what a bundle of this person would hold: withdrawn testimony, private testimony, testimony whose witness consented only to a narrower circle than “{audience}”, private annotations and documents in the trash are not in it. Anonymised witnesses appear under a pseudonym. Page pictures are sanitised copies (pixels only, no location or camera data).</source>
        <translation>درست همان چیزی که بستهٔ این شخص داشت: شهادت‌های پس‌گرفته، شهادت‌های خصوصی، شهادت‌هایی که شاهدشان فقط به حلقه‌ای کوچک‌تر از «{audience}» رضایت داده، حاشیه‌نویسی‌های خصوصی و سندهای داخل سطل زباله در آن نیستند. شاهدان ناشناس با نام مستعار می‌آیند. تصویر صفحه‌ها نسخه‌های پاک‌اند (فقط تصویر، بی مکان و بی اطلاعات دوربین).</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>سندها</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>هیچ.</translation>
    </message>
    <message>
        <source>{count} page</source>
        <translation>{count} صفحه</translation>
    </message>
    <message>
        <source>{count} pages</source>
        <translation>{count} صفحه</translation>
    </message>
    <message>
        <source>Chronology of {name}</source>
        <translation>گاه‌شمار {name}</translation>
    </message>
    <message>
        <source>Facts as of {date}</source>
        <translation>واقعیت‌ها تا {date}</translation>
    </message>
    <message>
        <source>Time detained:</source>
        <translation>مدت بازداشت:</translation>
    </message>
    <message>
        <source>Solitary confinement:</source>
        <translation>سلول انفرادی:</translation>
    </message>
    <message>
        <source>Hunger strike:</source>
        <translation>اعتصاب غذا:</translation>
    </message>
    <message>
        <source>Transfers:</source>
        <translation>انتقال‌ها:</translation>
    </message>
    <message>
        <source>Current place:</source>
        <translation>جای کنونی:</translation>
    </message>
    <message>
        <source>Contradictions</source>
        <translation>ناسازگاری‌ها</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>رویداد</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>مکان</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>منبع‌ها</translation>
    </message>
    <message>
        <source>No events are recorded for this person.</source>
        <translation>برای این شخص رویدادی ثبت نشده است.</translation>
    </message>
    <message>
        <source>Nothing is recorded for this person yet.</source>
        <translation>هنوز چیزی برای این شخص ثبت نشده است.</translation>
    </message>
    <message>
        <source>from {start} to {end}</source>
        <translation>از {start} تا {end}</translation>
    </message>
    <message>
        <source>from {start}, ongoing</source>
        <translation>از {start}، هنوز ادامه دارد</translation>
    </message>
    <message>
        <source>{start} – {end}</source>
        <translation>{start} – {end}</translation>
    </message>
    <message>
        <source>{start} – ongoing</source>
        <translation>{start} – ادامه دارد</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>بدون تاریخ</translation>
    </message>
    <message>
        <source>[in the trash]</source>
        <translation>[در سطل زباله]</translation>
    </message>
    <message>
        <source>(in the trash)</source>
        <translation>(در سطل زباله)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>هیچ</translation>
    </message>
    <message>
        <source>{count} day</source>
        <translation>{count} روز</translation>
    </message>
    <message>
        <source>{count} days</source>
        <translation>{count} روز</translation>
    </message>
    <message>
        <source>at least {least} days (at most {most})</source>
        <translation>دست‌کم {least} روز (حداکثر {most})</translation>
    </message>
    <message>
        <source>{days}, still going on</source>
        <translation>{days}، هنوز ادامه دارد</translation>
    </message>
    <message>
        <source>{place} (held)</source>
        <translation>{place} (در بازداشت)</translation>
    </message>
    <message>
        <source>{place} (on furlough)</source>
        <translation>{place} (در مرخصی)</translation>
    </message>
    <message>
        <source>place not recorded</source>
        <translation>مکان ثبت نشده</translation>
    </message>
    <message>
        <source>released</source>
        <translation>آزادشده</translation>
    </message>
    <message>
        <source>not known: no arrest, transfer or release is recorded</source>
        <translation>معلوم نیست: هیچ بازداشت، انتقال یا آزادی‌ای ثبت نشده است</translation>
    </message>
    <message>
        <source>{about}, by {name}</source>
        <translation>{about}، از {name}</translation>
    </message>
    <message>
        <source>D{number}</source>
        <translation>سند {number}</translation>
    </message>
    <message>
        <source>D{number}, page 1</source>
        <translation>سند {number}، صفحهٔ ۱</translation>
    </message>
    <message>
        <source>D{number}, pages 1–{count}</source>
        <translation>سند {number}، صفحه‌های ۱ تا {count}</translation>
    </message>
    <message>
        <source>D{number}, page {page} of {count}</source>
        <translation>سند {number}، صفحهٔ {page} از {count}</translation>
    </message>
    <message>
        <source>D{number}, page {page} of {count}: a recording ({kind}{length}), which paper cannot hold; a bundle carries it</source>
        <translation>سند {number}، صفحهٔ {page} از {count}: یک ضبط ({kind}{length}) که روی کاغذ نمی‌آید؛ بسته آن را با خود می‌برد</translation>
    </message>
    <message>
        <source>D{number}: {kind} ({language})</source>
        <translation>سند {number}: {kind} ({language})</translation>
    </message>
    <message>
        <source>language not given</source>
        <translation>زبان داده نشده</translation>
    </message>
    <message>
        <source>On “{quote}”: {note}</source>
        <translation>دربارهٔ «{quote}»: {note}</translation>
    </message>
    <message>
        <source>On a region of the page: {note}</source>
        <translation>دربارهٔ بخشی از صفحه: {note}</translation>
    </message>
    <message>
        <source>From {moment} of the recording: {note}</source>
        <translation>دربارهٔ {moment} از ضبط: {note}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>wrote</source>
        <translation>نوشته</translation>
    </message>
    <message>
        <source>received</source>
        <translation>گیرنده</translation>
    </message>
    <message>
        <source>concerned</source>
        <translation>دربارهٔ او</translation>
    </message>
</context>
<context>
    <name>PeopleActions</name>
    <message>
        <source>&amp;New Person…</source>
        <translation>&amp;شخص تازه…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>Add a prisoner, a relative or anyone else to the archive (Ctrl+Shift+N)</source>
        <translation>افزودن زندانی، خویشاوند یا هر کس دیگری به بایگانی (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>بازگرداندن</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>ویرایش…</translation>
    </message>
    <message>
        <source>Merge Into…</source>
        <translation>ادغام در…</translation>
    </message>
    <message>
        <source>Move to Trash</source>
        <translation>انتقال به سطل زباله</translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation>%1 افزوده شد.</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>ویرایش %1</translation>
    </message>
    <message>
        <source>Merge %1 into %2</source>
        <translation>ادغام %1 در %2</translation>
    </message>
    <message>
        <source>Move %1 to the trash</source>
        <translation>انتقال %1 به سطل زباله</translation>
    </message>
    <message>
        <source>Restore %1</source>
        <translation>بازگرداندن %1</translation>
    </message>
</context>
<context>
    <name>PersonCard</name>
    <message>
        <source>Timeline…</source>
        <translation>گاه‌شمار…</translation>
    </message>
    <message>
        <source>The chronology of this person, drawn (Ctrl+T)</source>
        <translation>گاه‌شمار این شخص، به شکل نمودار (Ctrl+T)</translation>
    </message>
    <message>
        <source>New Event…</source>
        <translation>رویداد تازه…</translation>
    </message>
    <message>
        <source>Add an event to this person&apos;s chronology</source>
        <translation>افزودن رویدادی به گاه‌شمار این شخص</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>ویرایش…</translation>
    </message>
    <message>
        <source>Change this person&apos;s names, roles, status or notes</source>
        <translation>تغییر نام‌ها، نقش‌ها، وضعیت یا یادداشت‌های این شخص</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>بازگرداندن</translation>
    </message>
    <message>
        <source>Take this person out of the trash</source>
        <translation>بیرون آوردن این شخص از سطل زباله</translation>
    </message>
    <message>
        <source>Export Case File…</source>
        <translation>صدور پروندهٔ موردی…</translation>
    </message>
    <message>
        <source>A PDF of this person&apos;s case for a submission, as a bundle would hold it</source>
        <translation>یک PDF از پروندهٔ این فرد برای ارائه، با همان محتوایی که بسته‌ای از او داشت</translation>
    </message>
    <message>
        <source>In Persian script:</source>
        <translation>به خط فارسی:</translation>
    </message>
    <message>
        <source>In Latin script:</source>
        <translation>به خط لاتین:</translation>
    </message>
    <message>
        <source>Also known as:</source>
        <translation>نام‌های دیگر:</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>نقش‌ها:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>وضعیت:</translation>
    </message>
    <message>
        <source>Born:</source>
        <translation>سال تولد:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>یادداشت‌ها:</translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation>سندها:</translation>
    </message>
    <message>
        <source>%1, listed below</source>
        <translation>%1، فهرستشان در پایین</translation>
    </message>
    <message>
        <source>In the trash:</source>
        <translation>در سطل زباله:</translation>
    </message>
    <message>
        <source>Restore to change or use this person again</source>
        <translation>برای تغییر یا به‌کار بردن دوبارهٔ این شخص، بازگردانیدش</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Edit person</source>
        <translation>ویرایش شخص</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>شخص تازه</translation>
    </message>
    <message>
        <source>As the family writes it</source>
        <translation>همان‌گونه که خانواده می‌نویسد</translation>
    </message>
    <message>
        <source>The name in Persian script</source>
        <translation>نام به خط فارسی</translation>
    </message>
    <message>
        <source>The name in Latin script</source>
        <translation>نام به خط لاتین</translation>
    </message>
    <message>
        <source>Other names, separated by commas</source>
        <translation>نام‌های دیگر، جدا با ویرگول</translation>
    </message>
    <message>
        <source>e.g. 1985 or 1364</source>
        <translation>مانند ۱۳۶۴ یا ۱۹۸۵</translation>
    </message>
    <message>
        <source>Anything the family wants remembered</source>
        <translation>هر چه خانواده می‌خواهد به یاد بماند</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>نام:</translation>
    </message>
    <message>
        <source>In Persian script:</source>
        <translation>به خط فارسی:</translation>
    </message>
    <message>
        <source>In Latin script:</source>
        <translation>به خط لاتین:</translation>
    </message>
    <message>
        <source>Also known as:</source>
        <translation>نام‌های دیگر:</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>نقش‌ها:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>وضعیت:</translation>
    </message>
    <message>
        <source>Born in (year):</source>
        <translation>سال تولد:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>یادداشت‌ها:</translation>
    </message>
    <message>
        <source>Give the birth year in digits, such as 1985 or 1364.</source>
        <translation>سال تولد را با رقم بنویسید، مانند ۱۳۶۴ یا ۱۹۸۵.</translation>
    </message>
</context>
<context>
    <name>PlayerBar</name>
    <message>
        <source>−5 s</source>
        <translation>−۵ ثانیه</translation>
    </message>
    <message>
        <source>Position in the recording</source>
        <translation>جای پخش در ضبط</translation>
    </message>
    <message>
        <source>Back 5 seconds ({key})</source>
        <translation>۵ ثانیه به عقب ({key})</translation>
    </message>
    <message>
        <source>Speed, the voice&apos;s pitch kept ({slower} slower, {faster} faster)</source>
        <translation>سرعت، با همان زیر و بمی صدا ({slower} کندتر، {faster} تندتر)</translation>
    </message>
    <message>
        <source>{rate}×</source>
        <translation>{rate}×</translation>
    </message>
    <message>
        <source>Recordings cannot be played on this computer: its sound libraries are missing. The recording is kept in the archive as it was imported, and can be exported to play elsewhere.</source>
        <translation>ضبط‌ها را روی این رایانه نمی‌توان پخش کرد: کتابخانه‌های صدای آن نصب نیست. ضبط درست همان‌گونه که وارد شد در بایگانی نگه داشته می‌شود و می‌توان آن را برای پخش در جای دیگر بیرون برد.</translation>
    </message>
    <message>
        <source>Play or pause</source>
        <translation>پخش یا مکث</translation>
    </message>
    <message>
        <source>Back 5 seconds</source>
        <translation>۵ ثانیه به عقب</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>کندتر</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>تندتر</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>مکث</translation>
    </message>
    <message>
        <source>Pause ({key})</source>
        <translation>مکث ({key})</translation>
    </message>
    <message>
        <source>Play ({key})</source>
        <translation>پخش ({key})</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>پخش</translation>
    </message>
    <message>
        <source>This recording cannot be played here; it is kept in the archive exactly as it was imported, and can be exported to play elsewhere.</source>
        <translation>این ضبط را اینجا نمی‌توان پخش کرد؛ درست همان‌گونه که وارد شد در بایگانی نگه داشته می‌شود و می‌توان آن را برای پخش در جای دیگر بیرون برد.</translation>
    </message>
</context>
<context>
    <name>RecentArchives</name>
    <message>
        <source>Recent archives</source>
        <translation>بایگانی‌های اخیر</translation>
    </message>
    <message>
        <source>Remember the archives I open on this computer</source>
        <translation>بایگانی‌هایی را که در این رایانه باز می‌کنم به یاد بسپار</translation>
    </message>
    <message>
        <source>Only the folders&apos; places are kept, never what is inside. Turned off, they are forgotten at once.</source>
        <translation>تنها جای پوشه‌ها نگه داشته می‌شود، هرگز آنچه درونشان است. اگر خاموشش کنید، بی‌درنگ فراموش می‌شوند.</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>فراموش کن</translation>
    </message>
    <message>
        <source>Take it off this list; the archive itself is not touched.</source>
        <translation>از این فهرست برداشته می‌شود؛ به خود بایگانی دست زده نمی‌شود.</translation>
    </message>
</context>
<context>
    <name>RecordingCard</name>
    <message>
        <source>Video recording</source>
        <translation>ویدیوی ضبط‌شده</translation>
    </message>
    <message>
        <source>Sound recording</source>
        <translation>صدای ضبط‌شده</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>قالب</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <source>Your recovery code</source>
        <translation>کد بازیابی شما</translation>
    </message>
    <message>
        <source>If the password is ever forgotten, this code opens the archive. Write it down on paper now and keep it somewhere safe, away from this computer. Amanat will not show it again.</source>
        <translation>اگر روزی رمز فراموش شود، این کد بایگانی را باز می‌کند. همین حالا آن را روی کاغذ بنویسید و جایی امن، دور از این رایانه، نگه دارید. امانت دیگر آن را نشان نمی‌دهد.</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>چاپ…</translation>
    </message>
    <message>
        <source>Print the code on paper. It is never saved to a file or copied.</source>
        <translation>چاپ کد روی کاغذ. کد هرگز در پرونده‌ای ذخیره یا رونوشت نمی‌شود.</translation>
    </message>
    <message>
        <source>I have written the recovery code down or printed it</source>
        <translation>کد بازیابی را نوشته‌ام یا چاپ کرده‌ام</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>ادامه</translation>
    </message>
    <message>
        <source>Recovery code of an Amanat archive</source>
        <translation>کد بازیابی یک بایگانی امانت</translation>
    </message>
    <message>
        <source>Recovery code of the Amanat archive “%1”</source>
        <translation>کد بازیابی بایگانی امانت «%1»</translation>
    </message>
    <message>
        <source>This code opens the archive if its password is forgotten, and it opens it for anyone who holds this paper. Keep it somewhere safe, away from the computer and its backups, and never photograph it or type it into a message.</source>
        <translation>اگر رمز فراموش شود این کد بایگانی را باز می‌کند، و برای هر کسی که این کاغذ را در دست دارد هم باز می‌کند. آن را جایی امن، دور از رایانه و نسخه‌های پشتیبانش نگه دارید و هرگز از آن عکس نگیرید یا در پیامی تایپش نکنید.</translation>
    </message>
    <message>
        <source>Not printed: Amanat prints the code only on paper, never into a file, and no paper printer was chosen. Write the code down by hand instead.</source>
        <translation>چاپ نشد: امانت کد را فقط روی کاغذ چاپ می‌کند، هرگز در پرونده، و هیچ چاپگر کاغذی انتخاب نشده بود. به‌جای آن کد را با دست بنویسید.</translation>
    </message>
    <message>
        <source>The printer could not be used. Write the code down by hand instead.</source>
        <translation>از چاپگر نمی‌شد استفاده کرد. به‌جای آن کد را با دست بنویسید.</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>به چاپگر فرستاده شد.</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeManager</name>
    <message>
        <source>Recovery code</source>
        <translation>کد بازیابی</translation>
    </message>
    <message>
        <source>A recovery code opens the archive if the password is forgotten. Anyone who holds it can open the archive, so keep it on paper, away from this computer.</source>
        <translation>اگر رمز فراموش شود، کد بازیابی بایگانی را باز می‌کند. هر کس آن را داشته باشد می‌تواند بایگانی را باز کند، پس آن را روی کاغذ و دور از این رایانه نگه دارید.</translation>
    </message>
    <message>
        <source>Make a new recovery code…</source>
        <translation>ساختن کد بازیابی تازه…</translation>
    </message>
    <message>
        <source>Remove the recovery code…</source>
        <translation>برداشتن کد بازیابی…</translation>
    </message>
    <message>
        <source>The recovery code you have now will stop working at once, and only the new one will open the archive. Destroy the old paper afterwards. Make a new code?</source>
        <translation>کد بازیابی‌ای که اکنون دارید بی‌درنگ از کار می‌افتد و تنها کد تازه بایگانی را باز خواهد کرد. پس از آن، کاغذ کهنه را از بین ببرید. کد تازه ساخته شود؟</translation>
    </message>
    <message>
        <source>Making a new recovery code… this takes a few seconds.</source>
        <translation>در حال ساختن کد بازیابی تازه… چند ثانیه طول می‌کشد.</translation>
    </message>
    <message>
        <source>Without a recovery code, a forgotten password means the archive can never be opened again. Remove the recovery code?</source>
        <translation>بدون کد بازیابی، اگر رمز فراموش شود بایگانی دیگر هرگز باز نمی‌شود. کد بازیابی برداشته شود؟</translation>
    </message>
    <message>
        <source>A new recovery code was made. The earlier one no longer works.</source>
        <translation>کد بازیابی تازه ساخته شد. کد پیشین دیگر کار نمی‌کند.</translation>
    </message>
    <message>
        <source>A recovery code was made.</source>
        <translation>کد بازیابی ساخته شد.</translation>
    </message>
    <message>
        <source>The recovery code was removed: only the password opens the archive now.</source>
        <translation>کد بازیابی برداشته شد: اکنون تنها رمز بایگانی را باز می‌کند.</translation>
    </message>
    <message>
        <source>This archive has a recovery code.</source>
        <translation>این بایگانی کد بازیابی دارد.</translation>
    </message>
    <message>
        <source>This archive has no recovery code.</source>
        <translation>این بایگانی کد بازیابی ندارد.</translation>
    </message>
    <message>
        <source>Make a recovery code…</source>
        <translation>ساختن کد بازیابی…</translation>
    </message>
</context>
<context>
    <name>RecoveryUnlockDialog</name>
    <message>
        <source>Open with the recovery code</source>
        <translation>باز کردن با کد بازیابی</translation>
    </message>
    <message>
        <source>Type the recovery code you wrote down or printed when the archive was made, then choose a new password. The forgotten password will no longer open it.</source>
        <translation>کد بازیابی‌ای را که هنگام ساختن بایگانی نوشتید یا چاپ کردید وارد کنید، سپس رمزی تازه برگزینید. رمز فراموش‌شده دیگر آن را باز نخواهد کرد.</translation>
    </message>
    <message>
        <source>Recovery code:</source>
        <translation>کد بازیابی:</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>باز کردن</translation>
    </message>
    <message>
        <source>Opening and setting the new password… this takes a few seconds.</source>
        <translation>در حال باز کردن و گذاشتن رمز تازه… چند ثانیه طول می‌کشد.</translation>
    </message>
</context>
<context>
    <name>Redaction</name>
    <message>
        <source>Redact a region</source>
        <translation>پوشاندن بخشی از صفحه</translation>
    </message>
    <message>
        <source>Drag a rectangle on the page to black it out in every copy that leaves this archive; the page itself stays as it is</source>
        <translation>مستطیلی روی صفحه بکشید تا در هر نسخه‌ای که از این بایگانی بیرون می‌رود سیاه شود؛ خود صفحه همان‌گونه که هست می‌ماند</translation>
    </message>
    <message>
        <source>Remove Redaction</source>
        <translation>برداشتن پوشش</translation>
    </message>
    <message>
        <source>Let this part of the page leave again</source>
        <translation>این بخش از صفحه دوباره بیرون برود</translation>
    </message>
    <message>
        <source>Suggest faces</source>
        <translation>پیشنهاد چهره‌ها</translation>
    </message>
    <message>
        <source>Find the faces on this page and offer each, one by one, to redact; look for those it misses yourself</source>
        <translation>چهره‌های این صفحه را پیدا می‌کند و هر یک را، یکی‌یکی، برای پوشاندن پیشنهاد می‌دهد؛ چهره‌هایی را که نمی‌بیند خودتان پیدا کنید</translation>
    </message>
    <message>
        <source>Redacted: this passage leaves only as a mark ███</source>
        <translation>پوشانده‌شده: این بخش تنها به صورت نشانهٔ ███ بیرون می‌رود</translation>
    </message>
</context>
<context>
    <name>RedactionController</name>
    <message>
        <source>No faces found on this page. Look for them yourself: a face in profile, small or half hidden is easily missed.</source>
        <translation>چهره‌ای در این صفحه پیدا نشد. خودتان هم نگاه کنید: چهره‌ای از نیم‌رخ، کوچک یا نیمه‌پنهان به آسانی دیده نمی‌شود.</translation>
    </message>
    <message>
        <source>Redact a region of the page</source>
        <translation>پوشاندن بخشی از صفحه</translation>
    </message>
    <message>
        <source>Redact a passage</source>
        <translation>پوشاندن بخشی از متن</translation>
    </message>
    <message>
        <source>Remove a redaction</source>
        <translation>برداشتن یک پوشش</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation>بازگرداندن نسخهٔ پشتیبان</translation>
    </message>
    <message>
        <source>The backup becomes an archive again, in a new folder. It opens with the password (or recovery code) it had when the backup was made.</source>
        <translation>نسخهٔ پشتیبان در پوشه‌ای تازه دوباره بایگانی می‌شود. با همان رمز (یا کد بازیابی) باز می‌شود که هنگام پشتیبان‌گیری داشت.</translation>
    </message>
    <message>
        <source>A backup file…</source>
        <translation>یک پروندهٔ پشتیبان…</translation>
    </message>
    <message>
        <source>A backup folder…</source>
        <translation>یک پوشهٔ پشتیبان…</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>انتخاب…</translation>
    </message>
    <message>
        <source>Restored letters</source>
        <translation>نامه‌های بازگردانده</translation>
    </message>
    <message>
        <source>Backup:</source>
        <translation>نسخهٔ پشتیبان:</translation>
    </message>
    <message>
        <source>Put it in:</source>
        <translation>محل گذاشتن:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>نام:</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>بازگرداندن</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>در حال بازگرداندن…</translation>
    </message>
    <message>
        <source>Choose the backup file</source>
        <translation>پروندهٔ پشتیبان را برگزینید</translation>
    </message>
    <message>
        <source>Choose the backup folder</source>
        <translation>پوشهٔ پشتیبان را برگزینید</translation>
    </message>
    <message>
        <source>Where to put the restored archive</source>
        <translation>بایگانیِ بازگردانده کجا گذاشته شود</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>e.g. 2011 or 1390</source>
        <translation>مثلاً ۱۳۹۰ یا ۲۰۱۱</translation>
    </message>
    <message>
        <source>e.g. Mehr 1401</source>
        <translation>مثلاً مهر ۱۴۰۱</translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation>هر نوعی</translation>
    </message>
    <message>
        <source>Person:</source>
        <translation>شخص:</translation>
    </message>
    <message>
        <source>Tag:</source>
        <translation>برچسب:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>نوع:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>از:</translation>
    </message>
    <message>
        <source>Until:</source>
        <translation>تا:</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>هر کسی</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>هر برچسبی</translation>
    </message>
    <message>
        <source>Results: %1</source>
        <translation>نتیجه‌ها: %1</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>چیزی پیدا نشد.</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>Document</source>
        <translation>سند</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>متن</translation>
    </message>
    <message>
        <source>Annotation</source>
        <translation>حاشیه‌نویسی</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>شخص</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>رویداد</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>برچسب</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>تنظیمات</translation>
    </message>
    <message>
        <source>Gregorian (2011-03-15)</source>
        <translation>میلادی (۲۰۱۱-۰۳-۱۵)</translation>
    </message>
    <message>
        <source>Solar Hijri (1389/12/24)</source>
        <translation>هجری شمسی (۱۳۸۹/۱۲/۲۴)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> دقیقه</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>هرگز</translation>
    </message>
    <message>
        <source>Lock when the screen locks, the user is switched or the computer sleeps</source>
        <translation>قفل شود وقتی صفحه قفل می‌شود، کاربر عوض می‌شود یا رایانه به خواب می‌رود</translation>
    </message>
    <message>
        <source>On macOS Amanat cannot tell when the screen locks or the computer sleeps. Lock it yourself (Ctrl+L) before you leave it, or let it lock after the idle minutes above.</source>
        <translation>در رایانه‌های مک، امانت نمی‌تواند بفهمد صفحه کی قفل می‌شود یا رایانه کی به خواب می‌رود. پیش از ترک رایانه خودتان آن را قفل کنید (Ctrl+L)، یا بگذارید پس از دقیقه‌های بیکاری بالا خودش قفل شود.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> ثانیه</translation>
    </message>
    <message>
        <source>Only when locking</source>
        <translation>فقط هنگام قفل شدن</translation>
    </message>
    <message>
        <source>Text copied from the archive is taken off the clipboard after this many seconds, and always when the archive locks.</source>
        <translation>متنی که از بایگانی کپی می‌شود پس از این چند ثانیه، و همیشه هنگام قفل شدن بایگانی، از کلیپ‌بورد پاک می‌شود.</translation>
    </message>
    <message>
        <source> days</source>
        <translation> روز</translation>
    </message>
    <message>
        <source>After this many days without a backup, Amanat says so once when it opens.</source>
        <translation>پس از این چند روز بی‌پشتیبان، امانت یک بار هنگام باز شدن یادآوری می‌کند.</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> مگابایت</translation>
    </message>
    <message>
        <source>Larger recordings are refused on import. Importing a recording, exporting it or sending it in a bundle holds a few megabytes of it in memory, whatever its size.</source>
        <translation>ضبط‌های بزرگ‌تر از این هنگام ورود پذیرفته نمی‌شوند. وارد کردن یک ضبط، خروجی گرفتن از آن یا فرستادنش در بسته، هر اندازه که باشد، تنها چند مگابایت از آن را در حافظه نگه می‌دارد.</translation>
    </message>
    <message>
        <source>Shown on your annotations and in the log</source>
        <translation>روی حاشیه‌نویسی‌هایتان و در گزارش کارها نشان داده می‌شود</translation>
    </message>
    <message>
        <source>Private: they stay in this archive</source>
        <translation>خصوصی: در همین بایگانی می‌مانند</translation>
    </message>
    <message>
        <source>Shareable: they may go into bundles</source>
        <translation>قابل اشتراک: ممکن است در بسته‌ها بروند</translation>
    </message>
    <message>
        <source>The calendar, the locking, the clipboard and your name are kept inside this archive, encrypted. The language is kept on this computer and applies at once.</source>
        <translation>تقویم، قفل شدن، کلیپ‌بورد و نام شما رمزگذاری‌شده درون همین بایگانی نگه داشته می‌شوند. زبان روی همین رایانه نگه داشته می‌شود و همان دم به کار می‌رود.</translation>
    </message>
    <message>
        <source>Calendar:</source>
        <translation>تقویم:</translation>
    </message>
    <message>
        <source>Lock after idle:</source>
        <translation>قفل پس از بیکاری:</translation>
    </message>
    <message>
        <source>Clear the clipboard after:</source>
        <translation>پاک کردن کلیپ‌بورد پس از:</translation>
    </message>
    <message>
        <source>Remind me to back up after:</source>
        <translation>یادآوری پشتیبان‌گیری پس از:</translation>
    </message>
    <message>
        <source>Largest recording to import:</source>
        <translation>بزرگ‌ترین ضبط برای ورود:</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>نام شما:</translation>
    </message>
    <message>
        <source>New annotations:</source>
        <translation>حاشیه‌نویسی‌های تازه:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>زبان:</translation>
    </message>
</context>
<context>
    <name>SidebarModel</name>
    <message>
        <source>All documents</source>
        <translation>همهٔ سندها</translation>
    </message>
    <message>
        <source>Prisoners</source>
        <translation>زندانیان</translation>
    </message>
    <message>
        <source>Other people</source>
        <translation>افراد دیگر</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>برچسب‌ها</translation>
    </message>
    <message>
        <source>Kinds</source>
        <translation>نوع‌ها</translation>
    </message>
    <message numerus="yes">
        <source>Trash (%n)</source>
        <translation>
            <numerusform>سطل زباله (%Ln)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagActions</name>
    <message>
        <source>New Tag…</source>
        <translation>برچسب تازه…</translation>
    </message>
    <message>
        <source>Make a tag before any document carries it, with its colour</source>
        <translation>ساختن برچسبی پیش از آنکه سندی آن را داشته باشد، با رنگش</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>تغییر نام…</translation>
    </message>
    <message>
        <source>Move Under…</source>
        <translation>انتقال به زیر…</translation>
    </message>
    <message>
        <source>Merge Into…</source>
        <translation>ادغام در…</translation>
    </message>
    <message>
        <source>Change Colour…</source>
        <translation>تغییر رنگ…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>پاک کردن…</translation>
    </message>
    <message>
        <source>Make the tag “%1”</source>
        <translation>ساختن برچسب «%1»</translation>
    </message>
    <message>
        <source>Rename the tag “%1” to “%2”</source>
        <translation>تغییر نام برچسب «%1» به «%2»</translation>
    </message>
    <message>
        <source>(The top level)</source>
        <translation>(بالاترین سطح)</translation>
    </message>
    <message>
        <source>Move a tag</source>
        <translation>انتقال برچسب</translation>
    </message>
    <message>
        <source>Put the tag “%1” under:</source>
        <translation>برچسب «%1» را زیر این برچسب بگذارید:</translation>
    </message>
    <message>
        <source>Move the tag “%1” to “%2”</source>
        <translation>انتقال برچسب «%1» به «%2»</translation>
    </message>
    <message>
        <source>Merge a tag</source>
        <translation>ادغام برچسب</translation>
    </message>
    <message>
        <source>Merge the tag “%1” into another: what carries it will carry the other instead, and the tags inside it move there.</source>
        <translation>ادغام برچسب «%1» در برچسبی دیگر: هر چه این برچسب را دارد، به جایش آن دیگری را خواهد داشت و برچسب‌های درونش به آن‌جا می‌روند.</translation>
    </message>
    <message>
        <source>Merge the tag “%1” into “%2”</source>
        <translation>ادغام برچسب «%1» در «%2»</translation>
    </message>
    <message>
        <source>Merge the tags?</source>
        <translation>برچسب‌ها ادغام شوند؟</translation>
    </message>
    <message>
        <source>There is already a tag named “%1”. Merge “%2” into it, so that what carries either carries “%1”?</source>
        <translation>برچسبی با نام «%1» از پیش هست. «%2» در آن ادغام شود تا هر چه یکی از این دو را دارد، «%1» را داشته باشد؟</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>ادغام</translation>
    </message>
    <message>
        <source>Change the colour of the tag “%1”</source>
        <translation>تغییر رنگ برچسب «%1»</translation>
    </message>
    <message>
        <source>Delete the tag “%1”?</source>
        <translation>برچسب «%1» پاک شود؟</translation>
    </message>
    <message numerus="yes">
        <source>It is on %n document(s).</source>
        <translation>
            <numerusform>روی %Ln سند است.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It is on %n annotation(s).</source>
        <translation>
            <numerusform>روی %Ln حاشیه‌نویسی است.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It is on %n event(s).</source>
        <translation>
            <numerusform>روی %Ln رویداد است.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n tag(s) inside it are deleted too.</source>
        <translation>
            <numerusform>%Ln برچسبِ درون آن هم پاک می‌شود.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing else is deleted, and Undo (Ctrl+Z) brings the tag back.</source>
        <translation>چیز دیگری پاک نمی‌شود و «واگرد» (Ctrl+Z) برچسب را برمی‌گرداند.</translation>
    </message>
    <message>
        <source>Delete a tag</source>
        <translation>پاک کردن برچسب</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>پاک کردن</translation>
    </message>
    <message>
        <source>Delete the tag “%1”</source>
        <translation>پاک کردن برچسب «%1»</translation>
    </message>
</context>
<context>
    <name>TagChoiceDialog</name>
    <message>
        <source>Type to find a tag</source>
        <translation>برای یافتن برچسب بنویسید</translation>
    </message>
</context>
<context>
    <name>TagColourDialog</name>
    <message>
        <source>Orange</source>
        <translation>نارنجی</translation>
    </message>
    <message>
        <source>Sky blue</source>
        <translation>آبی آسمانی</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>سبز</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>زرد</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>آبی</translation>
    </message>
    <message>
        <source>Vermilion</source>
        <translation>شنگرفی</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>بنفش</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>خاکستری</translation>
    </message>
    <message>
        <source>Colour of a tag</source>
        <translation>رنگ برچسب</translation>
    </message>
    <message>
        <source>The colour of the tag “%1”:</source>
        <translation>رنگ برچسب «%1»:</translation>
    </message>
    <message>
        <source>More…</source>
        <translation>بیشتر…</translation>
    </message>
    <message>
        <source>Another colour</source>
        <translation>رنگی دیگر</translation>
    </message>
</context>
<context>
    <name>TagEditor</name>
    <message>
        <source>Add a tag, e.g. conditions/solitary</source>
        <translation>افزودن برچسب، مثلاً شرایط/انفرادی</translation>
    </message>
    <message>
        <source>Take the tag “%1” off this document</source>
        <translation>برداشتن برچسب «%1» از این سند</translation>
    </message>
</context>
<context>
    <name>TagNameDialog</name>
    <message>
        <source>Rename a tag</source>
        <translation>تغییر نام برچسب</translation>
    </message>
    <message>
        <source>New name of the tag “%1”:</source>
        <translation>نام تازهٔ برچسب «%1»:</translation>
    </message>
</context>
<context>
    <name>TextEditor</name>
    <message>
        <source>The language of this text; choose one or type its code, such as ps or he.</source>
        <translation>زبان این متن؛ یکی را انتخاب کنید یا کدش را بنویسید، مثلاً ps یا he.</translation>
    </message>
    <message>
        <source>Checked: someone compared this text with the letter, word for word.</source>
        <translation>بازبینی‌شده: کسی این متن را واژه به واژه با نامه مقایسه کرده است.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>ذخیره</translation>
    </message>
    <message>
        <source>Save this text (Ctrl+S)</source>
        <translation>ذخیرهٔ این متن (Ctrl+S)</translation>
    </message>
    <message>
        <source>Type here what the letter says, line by line.</source>
        <translation>آنچه را نامه می‌گوید، خط به خط، اینجا بنویسید.</translation>
    </message>
    <message>
        <source>Annotate…</source>
        <translation>حاشیه‌نویسی…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>Comment on the passage selected and tag it (Ctrl+Shift+A)</source>
        <translation>توضیح نوشتن بر بخش انتخاب‌شده و برچسب زدن به آن (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Redact</source>
        <translation>پوشاندن</translation>
    </message>
    <message>
        <source>Ctrl+Shift+X</source>
        <translation>Ctrl+Shift+X</translation>
    </message>
    <message>
        <source>Keep the passage selected in this archive: every copy that leaves shows a mark in its place (Ctrl+Shift+X)</source>
        <translation>بخش برگزیده در همین بایگانی بماند: هر نسخه‌ای که بیرون می‌رود به جای آن نشانه‌ای دارد (Ctrl+Shift+X)</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>زبان:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>وضعیت:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Remove Redaction</source>
        <translation>برداشتن پوشش</translation>
    </message>
</context>
<context>
    <name>TimedText</name>
    <message>
        <source>Mark the line&apos;s time</source>
        <translation>گذاشتن زمان این سطر</translation>
    </message>
</context>
<context>
    <name>TimelineCanvas</name>
    <message>
        <source>%1 to %2</source>
        <translation>%1 تا %2</translation>
    </message>
    <message>
        <source>from %1, still going on</source>
        <translation>از %1، هنوز ادامه دارد</translation>
    </message>
    <message>
        <source>The date is not known exactly.</source>
        <translation>تاریخ دقیقاً معلوم نیست.</translation>
    </message>
    <message>
        <source> (in the trash)</source>
        <translation> (در سطل زباله)</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>منبع: %1</translation>
    </message>
    <message>
        <source>Held in %1</source>
        <translation>نگهداری در %1</translation>
    </message>
    <message>
        <source>No place recorded</source>
        <translation>بدون مکان ثبت‌شده</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>سندها</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>One place, two spellings?</source>
        <translation>یک مکان با دو نوشتار؟</translation>
    </message>
    <message>
        <source>%1 look like one place. Write every event of this person with one name?</source>
        <translation>%1 به نظر یک مکان‌اند. همهٔ رویدادهای این شخص با یک نام نوشته شوند؟</translation>
    </message>
    <message>
        <source>Use “%1”</source>
        <translation>به کار بردن «%1»</translation>
    </message>
    <message>
        <source>Keep Both</source>
        <translation>نگه داشتن هر دو</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>گاه‌شمار</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>کوچک‌نمایی (-)</translation>
    </message>
    <message>
        <source>From decades to days (Ctrl+wheel)</source>
        <translation>از دهه‌ها تا روزها (Ctrl+چرخ ماوس)</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>بزرگ‌نمایی (+)</translation>
    </message>
    <message>
        <source>Whole Chronology</source>
        <translation>کل گاه‌شمار</translation>
    </message>
    <message>
        <source>Show the whole chronology (Home)</source>
        <translation>نمایش کل گاه‌شمار (Home)</translation>
    </message>
    <message>
        <source>Jump to a date…</source>
        <translation>رفتن به تاریخی…</translation>
    </message>
    <message>
        <source>A date such as 2011-03-15, March 2011 or Esfand 1389</source>
        <translation>تاریخی مثل ۱۳۸۹/۱۲/۲۴، اسفند ۱۳۸۹ یا مارس ۲۰۱۱</translation>
    </message>
    <message>
        <source>All events and documents</source>
        <translation>همهٔ رویدادها و سندها</translation>
    </message>
    <message>
        <source>Documents only</source>
        <translation>فقط سندها</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>هر برچسبی</translation>
    </message>
    <message>
        <source>New Event…</source>
        <translation>رویداد تازه…</translation>
    </message>
    <message>
        <source>Add an event to this chronology (Ctrl+N)</source>
        <translation>افزودن رویدادی به این گاه‌شمار (Ctrl+N)</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>خروجی PDF…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>خروجی CSV…</translation>
    </message>
    <message>
        <source>Treat as One Place…</source>
        <translation>یکی دانستن مکان‌ها…</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>قفل</translation>
    </message>
    <message>
        <source>Lock the archive (Ctrl+L)</source>
        <translation>قفل کردن بایگانی (Ctrl+L)</translation>
    </message>
    <message>
        <source>Add the First Event…</source>
        <translation>افزودن نخستین رویداد…</translation>
    </message>
    <message>
        <source>Ctrl+J</source>
        <translation>Ctrl+J</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>Nothing is recorded for %1 yet. Add what is known as events: the arrest, interrogations, charges, trial sessions, the sentence, transfers, solitary confinement, hunger strikes, visits, furloughs and the release, each with the documents that attest it. Dates may be approximate, such as “March 2011” or “c. 1390”.</source>
        <translation>هنوز چیزی برای %1 ثبت نشده است. آنچه را می‌دانید به‌صورت رویداد بیفزایید: بازداشت، بازجویی‌ها، اتهام‌ها، جلسه‌های دادگاه، حکم، انتقال‌ها، انفرادی، اعتصاب‌های غذا، ملاقات‌ها، مرخصی‌ها و آزادی، هر کدام با سندهایی که گواه آن است. تاریخ‌ها می‌توانند تقریبی باشند، مثل «اسفند ۱۳۸۹» یا «حدود ۱۳۹۰».</translation>
    </message>
    <message>
        <source>Click to select the events this comes from.</source>
        <translation>برای انتخاب رویدادهایی که این از آن‌ها آمده کلیک کنید.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>هیچ</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 روز</translation>
    </message>
    <message>
        <source>at least %1 days (at most %2)</source>
        <translation>دست‌کم %1 روز (حداکثر %2)</translation>
    </message>
    <message>
        <source>, still going on</source>
        <translation>، هنوز ادامه دارد</translation>
    </message>
    <message>
        <source>Time detained: %1</source>
        <translation>مدت بازداشت: %1</translation>
    </message>
    <message>
        <source>Solitary confinement: %1</source>
        <translation>انفرادی: %1</translation>
    </message>
    <message>
        <source>Hunger strike: %1</source>
        <translation>اعتصاب غذا: %1</translation>
    </message>
    <message>
        <source>Transfers: %1</source>
        <translation>انتقال‌ها: %1</translation>
    </message>
    <message>
        <source>held in %1</source>
        <translation>در %1</translation>
    </message>
    <message>
        <source>on furlough from %1</source>
        <translation>در مرخصی از %1</translation>
    </message>
    <message>
        <source>released</source>
        <translation>آزادشده</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>نامعلوم</translation>
    </message>
    <message>
        <source>Now: %1</source>
        <translation>اکنون: %1</translation>
    </message>
    <message>
        <source>%1 look like one place.</source>
        <translation>%1 به نظر یک مکان‌اند.</translation>
    </message>
    <message>
        <source>Add the event “%1”</source>
        <translation>افزودن رویداد «%1»</translation>
    </message>
    <message>
        <source>Change the event “%1”</source>
        <translation>تغییر رویداد «%1»</translation>
    </message>
    <message>
        <source>“%1” is now the place of %2 event(s).</source>
        <translation>«%1» اکنون مکان %2 رویداد است.</translation>
    </message>
    <message>
        <source>Export as PDF</source>
        <translation>خروجی به‌صورت PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation>خروجی به‌صورت CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>chronology</source>
        <translation>گاه‌شمار</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>در حال ساختن خروجی…</translation>
    </message>
    <message>
        <source>Wrote %1. The file is not encrypted: keep it safe.</source>
        <translation>%1 نوشته شد. این پرونده رمزگذاری نشده است: آن را جای امنی نگه دارید.</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Password</source>
        <translation>رمز</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>باز کردن قفل</translation>
    </message>
    <message>
        <source>Open a different archive…</source>
        <translation>باز کردن بایگانی دیگر…</translation>
    </message>
    <message>
        <source>Forgot the password?</source>
        <translation>رمز را فراموش کرده‌اید؟</translation>
    </message>
    <message>
        <source>Unlock the archive</source>
        <translation>باز کردن قفل بایگانی</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>در حال باز کردن قفل…</translation>
    </message>
    <message>
        <source>Updating the archive for this version of Amanat… {percent} %</source>
        <translation>در حال به‌روز کردن بایگانی برای این نسخهٔ امانت… {percent}٪</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Create a new archive…</source>
        <translation>ساختن بایگانی تازه…</translation>
    </message>
    <message>
        <source>Open an archive…</source>
        <translation>باز کردن بایگانی…</translation>
    </message>
    <message>
        <source>Try the demo archive</source>
        <translation>امتحان بایگانی نمونه</translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation>بازگرداندن نسخهٔ پشتیبان…</translation>
    </message>
    <message>
        <source>Amanat keeps letters and testimony in an encrypted archive on this computer. Without the password, nobody can read it.</source>
        <translation>امانت نامه‌ها و شهادت‌ها را در بایگانی‌ای رمزگذاری‌شده روی همین رایانه نگه می‌دارد. بدون رمز، هیچ‌کس نمی‌تواند آن را بخواند.</translation>
    </message>
    <message>
        <source>The demo archive holds only invented people and letters; its password is “demo”.</source>
        <translation>بایگانی نمونه فقط افراد و نامه‌های ساختگی دارد؛ رمزش «demo» است.</translation>
    </message>
    <message>
        <source>Welcome to Amanat</source>
        <translation>به امانت خوش آمدید</translation>
    </message>
</context>
</TS>
