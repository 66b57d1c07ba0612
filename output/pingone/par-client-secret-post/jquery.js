var settings = {
  "url": "{{authPath}}/{{envID}}/as/par",
  "method": "POST",
  "timeout": 0,
  "headers": {
    "Content-Type": "application/x-www-form-urlencoded"
  },
  "data": {
    "response_type": "token",
    "client_id": "{{appID}}",
    "redirect_uri": "{{redirect_uri}}",
    "scope": "openid",
    "client_secret": "{{appSecret}}"
  }
};

$.ajax(settings).done(function (response) {
  console.log(response);
});
