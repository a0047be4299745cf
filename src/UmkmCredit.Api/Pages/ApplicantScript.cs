namespace UmkmCredit.Api.Pages;

/// <summary>
/// Styles and the one script of the applicant pages. The script only enhances forms marked <c>data-enhance</c>:
/// checks each file's type (magic bytes) and size before sending, downscales photos to at most 1600 px JPEG on the
/// phone, and sends with a real upload progress bar; the server's answer (a page) is shown as is.
/// </summary>
public static class ApplicantScript
{
    /// <summary>Extra styles: error summary, stepper, notice, progress, print.</summary>
    public const string Style = """
        <style>
        #error-summary{border:3px solid #b42318;padding:12px 16px;margin:12px 0;background:#fff}#error-summary h2{margin-top:0;color:#b42318}
        [aria-invalid=true]{border:2px solid #b42318}p.error{margin:.2em 0;font-weight:600}
        .notice{background:#e3f8ef;border-left:5px solid #0b5d4b;padding:10px 14px;margin:12px 0}
        .reference{font-size:1.5em;font-weight:700;letter-spacing:.04em;margin:.2em 0}
        ol.steps{display:flex;list-style:none;padding:0;margin:12px 0;gap:4px;font-size:.8em}ol.steps li{flex:1;text-align:center;padding:6px 2px;border-top:5px solid #c5ccd3;color:#52606d}
        ol.steps li.done{border-color:#0b5d4b;color:#0b5d4b}ol.steps li.now{border-color:#f0b429;color:#1f2933;font-weight:700}
        .danger{background:#b42318}.secondary{background:#52606d}progress{width:100%;height:18px;margin-top:12px}
        @media print{header,footer,form,button,.no-print{display:none!important}body{background:#fff}.card{box-shadow:none;border:1px solid #999}a{color:#000}}
        </style>
        """;

    /// <summary>The progress bar a form shows while the script sends it.</summary>
    public const string ProgressMarkup = "<div id=\"upload\" hidden><progress id=\"progress\" max=\"100\" value=\"0\"></progress><p id=\"progress-text\" class=\"muted\" aria-live=\"polite\"></p></div>";

    /// <summary>The script.</summary>
    public const string Script = """
        (function(){
          var MAX=10485760,SIDE=1600;
          var s=document.getElementById('error-summary');if(s)s.focus();
          var p=document.getElementById('print');if(p)p.addEventListener('click',function(){window.print();});
          function sniff(f){return f.slice(0,8).arrayBuffer().then(function(b){var u=new Uint8Array(b);
            if(u[0]==0x25&&u[1]==0x50&&u[2]==0x44&&u[3]==0x46)return 'pdf';if(u[0]==0xFF&&u[1]==0xD8&&u[2]==0xFF)return 'jpeg';
            if(u[0]==0x89&&u[1]==0x50&&u[2]==0x4E&&u[3]==0x47)return 'png';return null;});}
          function say(input,msg){var id='err-'+input.name,e=document.getElementById(id);
            if(!msg){if(e&&e.getAttribute('data-client'))e.remove();input.removeAttribute('aria-invalid');return;}
            if(!e){e=document.createElement('p');e.id=id;e.className='error';e.setAttribute('data-error',input.name);input.parentNode.insertBefore(e,input);}
            e.setAttribute('data-client','1');e.textContent=msg;input.setAttribute('aria-invalid','true');}
          function shrink(f){return new Promise(function(done){var url=URL.createObjectURL(f),img=new Image();
            img.onload=function(){var w=img.naturalWidth,h=img.naturalHeight,k=Math.min(1,SIDE/Math.max(w,h));
              var c=document.createElement('canvas');c.width=Math.round(w*k);c.height=Math.round(h*k);c.getContext('2d').drawImage(img,0,0,c.width,c.height);URL.revokeObjectURL(url);
              c.toBlob(function(b){done(b&&(b.size<f.size||k<1)?new File([b],f.name.replace(/\.[^.]*$/,'')+'.jpg',{type:'image/jpeg'}):f);},'image/jpeg',0.85);};
            img.onerror=function(){URL.revokeObjectURL(url);done(f);};img.src=url;});}
          function check(input){var f=input.files&&input.files[0];if(!f){say(input,null);return Promise.resolve(null);}
            return sniff(f).then(function(t){
              if(!t){say(input,'Berkas '+f.name+' bukan PDF, JPEG atau PNG. Pilih berkas lain.');return false;}
              return (t==='pdf'?Promise.resolve(f):shrink(f)).then(function(g){
                if(g.size>MAX){say(input,'Berkas '+f.name+' lebih dari 10 MB. Perkecil lalu pilih lagi.');return false;}
                say(input,null);input._ready=g;return g;});});}
          document.querySelectorAll('form[data-enhance]').forEach(function(form){
            var files=form.querySelectorAll('input[type=file]');
            files.forEach(function(i){i.addEventListener('change',function(){check(i);});});
            form.addEventListener('submit',function(ev){
              if(!window.XMLHttpRequest||!window.FormData)return;
              ev.preventDefault();
              var button=form.querySelector('button[type=submit]');
              Promise.all(Array.prototype.map.call(files,check)).then(function(r){
                if(r.indexOf(false)>=0){var bad=form.querySelector('[aria-invalid=true]');if(bad)bad.focus();return;}
                var data=new FormData(form);
                files.forEach(function(i){if(i._ready&&i.files.length)data.set(i.name,i._ready,i._ready.name);});
                var box=document.getElementById('upload'),bar=document.getElementById('progress'),text=document.getElementById('progress-text');
                if(button){button.disabled=true;button.textContent='Mengirim…';}
                if(box)box.hidden=false;
                var x=new XMLHttpRequest();x.open('POST',form.action);x.setRequestHeader('Accept','text/html');
                x.upload.onprogress=function(e){if(!e.lengthComputable||!bar)return;var pc=Math.floor(e.loaded*100/e.total);bar.value=pc;
                  text.textContent='Mengunggah '+pc+'% ('+Math.round(e.loaded/1024)+' dari '+Math.round(e.total/1024)+' KB)';};
                x.upload.onload=function(){if(text)text.textContent='Terkirim, menunggu jawaban…';};
                x.onload=function(){if(x.status<400&&x.responseURL&&x.responseURL.split('#')[0]!==form.action){location.href=x.responseURL;return;}
                  document.open();document.write(x.responseText);document.close();};
                x.onerror=function(){if(button){button.disabled=false;button.textContent='Kirim lagi';}if(text)text.textContent='Koneksi terputus. Data Anda masih di halaman ini; kirim lagi.';};
                x.send(data);});
            });
          });
        })();
        """;
}
