var settings = {
  "url": "{{authPath}}/{{envID}}/as/token",
  "method": "POST",
  "timeout": 0,
  "headers": {
    "Content-Type": "application/x-www-form-urlencoded"
  },
  "data": {
    "grant_type": "refresh_token",
    "refresh_token": "{{refreshToken}}",
    "client_id": "{{appID}}",
    "client_secret": "{{appSecret}}"
  }
};

$.ajax(settings).done(function (response) {
  console.log(response);
});
