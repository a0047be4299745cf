using System.Text;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Regions;

namespace UmkmCredit.Api.Pages;

/// <summary>The applicant portal: one form that submits the application with its documents and shows the status link.</summary>
public static class PortalPage
{
    /// <summary>Renders the portal.</summary>
    public static string Render()
    {
        var sb = new StringBuilder();
        sb.Append("<h1>Ajukan kredit usaha</h1><p class=\"muted\">Isi data di bawah ini. Kolom bertanda * wajib diisi.</p>");
        sb.Append("<form id=\"apply\" class=\"card\" novalidate>");
        sb.Append("<h2>Data pemohon</h2>");
        Field(sb, "applicant.nik", "NIK (16 digit) *", "text", "inputmode=\"numeric\" maxlength=\"16\" autocomplete=\"off\"");
        Field(sb, "applicant.fullName", "Nama lengkap sesuai KTP *", "text", "autocomplete=\"name\" maxlength=\"100\"");
        sb.Append("<div class=\"row\"><div>");
        Field(sb, "applicant.birthDate", "Tanggal lahir *", "date", string.Empty);
        sb.Append("</div><div>");
        Select(sb, "applicant.gender", "Jenis kelamin *", [("L", "Laki-laki"), ("P", "Perempuan")]);
        sb.Append("</div></div>");
        Field(sb, "applicant.phone", "Nomor HP *", "tel", "autocomplete=\"tel\" placeholder=\"08…\"");
        Field(sb, "applicant.email", "E-mail *", "email", "autocomplete=\"email\"");
        Field(sb, "applicant.address", "Alamat rumah *", "text", "maxlength=\"250\"");
        sb.Append("<h2>Data usaha</h2>");
        Field(sb, "business.name", "Nama usaha *", "text", "maxlength=\"100\"");
        Field(sb, "business.nib", "NIB (13 digit, jika ada)", "text", "inputmode=\"numeric\" maxlength=\"13\"");
        Field(sb, "business.npwp", "NPWP (jika ada)", "text", "inputmode=\"numeric\"");
        Select(sb, "business.sector", "Sektor usaha *", Sectors.All.Select(s => (s, s)).ToList());
        Select(sb, "business.regency", "Kabupaten/kota lokasi usaha *", Regencies.All.Select(r => (r.Code, r.Name)).ToList());
        Field(sb, "business.address", "Alamat usaha *", "text", "maxlength=\"250\"");
        sb.Append("<div class=\"row\"><div>");
        Field(sb, "business.startedOn", "Mulai usaha *", "date", string.Empty);
        sb.Append("</div><div>");
        Field(sb, "business.employees", "Jumlah pekerja *", "number", "min=\"0\" inputmode=\"numeric\"");
        sb.Append("</div></div>");
        Field(sb, "business.monthlyRevenue", "Omzet per bulan (Rp) *", "number", "min=\"0\" inputmode=\"numeric\"");
        sb.Append("<label class=\"check\"><input type=\"checkbox\" name=\"business.halalCertified\"> Produk bersertifikat halal</label>");
        sb.Append("<h2>Kredit yang diajukan</h2>");
        Select(sb, "request.scheme", "Skema *", [("KUR_SUPER_MIKRO", "KUR Super Mikro (s.d. Rp10 juta)"), ("KUR_MIKRO", "KUR Mikro (Rp10–100 juta)"), ("KUR_KECIL", "KUR Kecil (Rp100–500 juta)"), ("PEMBIAYAAN_SYARIAH_KALTARA", "Pembiayaan Syariah Kaltara (murabahah)")]);
        Field(sb, "request.amount", "Nilai (Rp) *", "number", "min=\"0\" inputmode=\"numeric\"");
        Field(sb, "request.tenorMonths", "Jangka waktu (bulan) *", "number", "min=\"1\" max=\"60\" inputmode=\"numeric\"");
        Select(sb, "request.purpose", "Tujuan *", [("modal-kerja", "Modal kerja"), ("investasi", "Investasi")]);
        sb.Append("<label for=\"request.description\">Uraian penggunaan *</label><textarea id=\"request.description\" name=\"request.description\" maxlength=\"1000\"></textarea><div class=\"error\" data-error=\"request.description\"></div>");
        sb.Append("<h2>Dokumen</h2><p class=\"muted\">PDF, JPEG atau PNG, paling besar 10 MB per berkas.</p>");
        foreach (var kind in DocumentKinds.All)
        {
            sb.Append("<label for=\"doc-").Append(kind).Append("\">").Append(Html.E(DocumentKinds.Label(kind))).Append("</label>");
            sb.Append("<input type=\"file\" id=\"doc-").Append(kind).Append("\" name=\"").Append(kind).Append("\" accept=\"application/pdf,image/jpeg,image/png\">");
            sb.Append("<div class=\"error\" data-error=\"").Append(kind).Append("\"></div>");
        }

        sb.Append("<h2>Persetujuan</h2><label class=\"check\"><input type=\"checkbox\" name=\"consent.dataProcessing\" id=\"consent.dataProcessing\"> Saya menyetujui pemrosesan data pribadi saya untuk keperluan permohonan kredit ini sesuai UU No. 27 Tahun 2022.</label><div class=\"error\" data-error=\"consent.dataProcessing\"></div>");
        sb.Append("<div id=\"summary\" class=\"errors\" hidden></div><button type=\"submit\" id=\"submit\">Kirim permohonan</button></form>");
        sb.Append("<div id=\"done\" class=\"card\" hidden><h2>Permohonan terkirim</h2><p>Simpan tautan berikut untuk melihat status permohonan Anda:</p><p><a id=\"status-link\" href=\"#\"></a></p><p class=\"muted\">Nomor permohonan: <span id=\"application-id\"></span></p></div>");
        return Html.Page("Ajukan kredit usaha", sb.ToString(), Script);
    }

    private static void Field(StringBuilder sb, string name, string label, string type, string attributes) =>
        sb.Append("<label for=\"").Append(name).Append("\">").Append(Html.E(label)).Append("</label><input type=\"").Append(type)
          .Append("\" id=\"").Append(name).Append("\" name=\"").Append(name).Append("\" ").Append(attributes).Append("><div class=\"error\" data-error=\"").Append(name).Append("\"></div>");

    private static void Select(StringBuilder sb, string name, string label, IReadOnlyList<(string Value, string Text)> options)
    {
        sb.Append("<label for=\"").Append(name).Append("\">").Append(Html.E(label)).Append("</label><select id=\"").Append(name).Append("\" name=\"").Append(name).Append("\"><option value=\"\">— pilih —</option>");
        foreach (var (value, text) in options)
        {
            sb.Append("<option value=\"").Append(Html.E(value)).Append("\">").Append(Html.E(text)).Append("</option>");
        }

        sb.Append("</select><div class=\"error\" data-error=\"").Append(name).Append("\"></div>");
    }

    private const string Script = """
        (function(){
          var form=document.getElementById('apply');
          var numbers=['business.employees','business.monthlyRevenue','request.amount','request.tenorMonths'];
          form.addEventListener('submit',function(ev){
            ev.preventDefault();
            document.querySelectorAll('[data-error]').forEach(function(e){e.textContent='';});
            var summary=document.getElementById('summary');summary.hidden=true;summary.textContent='';
            var data={applicant:{},business:{},request:{},consent:{}};
            form.querySelectorAll('input:not([type=file]),select,textarea').forEach(function(el){
              var parts=el.name.split('.');if(parts.length!==2)return;
              var v;
              if(el.type==='checkbox'){v=el.checked;}
              else if(numbers.indexOf(el.name)>=0){v=el.value===''?null:Number(el.value);}
              else{v=el.value===''?null:el.value;}
              data[parts[0]][parts[1]]=v;
            });
            var body=new FormData();
            body.append('application',new Blob([JSON.stringify(data)],{type:'application/json'}));
            form.querySelectorAll('input[type=file]').forEach(function(el){if(el.files.length)body.append(el.name,el.files[0],el.files[0].name);});
            var button=document.getElementById('submit');button.disabled=true;button.textContent='Mengirim…';
            fetch('/api/applications',{method:'POST',body:body,headers:{'Accept':'application/json'}})
              .then(function(res){return res.json().then(function(j){return {status:res.status,body:j};});})
              .then(function(r){
                button.disabled=false;button.textContent='Kirim permohonan';
                if(r.status===202){
                  var link=r.body.statusUrl+'?token='+encodeURIComponent(r.body.accessToken);
                  var a=document.getElementById('status-link');a.href=link;a.textContent=link;
                  document.getElementById('application-id').textContent=r.body.applicationId;
                  form.hidden=true;document.getElementById('done').hidden=false;window.scrollTo(0,0);return;
                }
                var errors=r.body.errors||{};var shown=false;
                Object.keys(errors).forEach(function(k){var el=document.querySelector('[data-error="'+k+'"]');if(el){el.textContent=errors[k].join(' ');shown=true;}});
                summary.textContent=(r.body.detail||'Permohonan belum dapat dikirim.')+(shown?'':' '+Object.keys(errors).map(function(k){return errors[k].join(' ');}).join(' '));
                summary.hidden=false;summary.scrollIntoView();
              })
              .catch(function(){button.disabled=false;button.textContent='Kirim permohonan';summary.textContent='Koneksi terputus. Silakan coba lagi.';summary.hidden=false;});
          });
        })();
        """;
}
