package main

import (
	"fmt"
	"strings"
	"net/http"
	"io"
)

func main() {

	url := "{{apiPath}}/environments/{{envID}}/users"
	method := "POST"

	payload := strings.NewReader(`{
  "email": "ada.lovelace@example.com",
  "name": {
    "given": "Ada",
    "family": "Lovelace"
  },
  "population": {
    "id": "{{populationID}}"
  },
  "username": "ada",
  "enabled": true,
  "locale": "en-GB",
  "nickname": "Countess of \"Lovelace\""
}`)

	client := &http.Client {
	}
	req, err := http.NewRequest(method, url, payload)

	if err != nil {
		fmt.Println(err)
		return
	}
	req.Header.Add("Authorization", "Bearer {{accessToken}}")
	req.Header.Add("Content-Type", "application/json")

	res, err := client.Do(req)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer res.Body.Close()

	body, err := io.ReadAll(res.Body)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(body))
}
